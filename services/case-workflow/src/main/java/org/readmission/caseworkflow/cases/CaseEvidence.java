package org.readmission.caseworkflow.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.readmission.workflow.Evidence;
import org.readmission.workflow.EvidenceRecords;
import org.springframework.stereotype.Component;

/** The evidence on file for a case, as the workflows module's classification rules read it. */
@Component
class CaseEvidence implements EvidenceRecords {

    private final CaseFiles caseFiles;
    private final Clock clock;

    CaseEvidence(CaseFiles caseFiles, Clock clock) {
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    @Override
    public List<Evidence> ofCase(String caseId) {
        CaseFile file = caseFiles.get(caseId);
        LocalDate today = LocalDate.now(clock);
        return file.persons().stream().flatMap(person -> person.evidence().stream().map(item -> new Evidence(
                person.personId(), file.category(), item.kind(), item.documentType(), item.copyOnly(), false,
                item.documentExpiresOn() != null && item.documentExpiresOn().isBefore(today)))).toList();
    }
}
