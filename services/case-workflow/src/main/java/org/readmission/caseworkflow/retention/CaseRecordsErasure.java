package org.readmission.caseworkflow.retention;

import java.time.Instant;
import java.util.List;

import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.caseworkflow.inbox.Inbox;
import org.readmission.retention.PersonalDataHolder;
import org.springframework.stereotype.Component;

/**
 * What the case workflow keeps of a case's personal data and how it goes at the end of the retention period: the
 * case file (application, persons, travel documents), the events kept in the inbox, and the process history
 * ({@link ProcessHistory}). The shared retention job shreds the case key first, so the sealed values are already
 * unreadable; this removes what remains of them and what the case file keeps in clear.
 */
@Component
class CaseRecordsErasure implements PersonalDataHolder {

    private final CaseFiles caseFiles;
    private final Inbox inbox;
    private final ProcessHistory history;

    CaseRecordsErasure(CaseFiles caseFiles, Inbox inbox, ProcessHistory history) {
        this.caseFiles = caseFiles;
        this.inbox = inbox;
        this.history = history;
    }

    @Override
    public Holdings holdingsOf(String caseId) {
        return caseFiles.find(caseId)
                .map(file -> Holdings.of(file.persons().stream().map(CaseFile.PersonEntry::personId).toList(), List.of()))
                .orElseGet(Holdings::nothing);
    }

    @Override
    public void erase(String caseId, Instant at) {
        caseFiles.erase(caseId, at);
        inbox.erase(caseId, at);
        history.erase(caseId);
    }

    @Override
    public String scope() {
        return "CASE_FILE";
    }

    @Override
    public String erasedWhat() {
        return "the case file of this case (the application, the persons' data, the travel documents, the messages"
                + " received) and its process history";
    }
}
