package org.readmission.caseview.retention;

import java.time.Instant;
import java.util.List;

import org.readmission.caseview.cases.CaseStore;
import org.readmission.retention.PersonalDataHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the read model keeps of a case's personal data and how it goes at the end of the retention period: the case
 * file ({@code cases}) and its rows ({@code case_index}, {@code task_index}). The shared retention job shreds the case
 * key first, so every sealed value is already unreadable; this turns the documents into tombstones (ids, parties,
 * states, dates, deadlines and codes) without the sealed values, the names' phonetic search keys, the blind-index
 * entries of the document numbers, the persons' other details and the open tasks
 * ({@link CaseStore#erase}). The case still counts in lists and statistics.
 */
@Component
class ReadModelErasure implements PersonalDataHolder {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelErasure.class);

    private final CaseStore store;

    ReadModelErasure(CaseStore store) {
        this.store = store;
    }

    /** The persons of the case in the read model (ids); nobody else received data of it from here. */
    @Override
    public Holdings holdingsOf(String caseId) {
        return store.personIds(caseId).map(personIds -> Holdings.of(personIds, List.of())).orElseGet(Holdings::nothing);
    }

    @Override
    public void erase(String caseId, Instant at) {
        boolean held = store.erase(caseId, at);
        LOG.info("Case {}: read model {} (retention period over)", caseId, held ? "reduced to a tombstone" : "held nothing");
    }

    @Override
    public String scope() {
        return "READ_MODEL";
    }

    @Override
    public String erasedWhat() {
        return "the case workspace's read model of this case (names, dates of birth, document numbers and their search"
                + " index, protection details, motivations and other free texts)";
    }
}
