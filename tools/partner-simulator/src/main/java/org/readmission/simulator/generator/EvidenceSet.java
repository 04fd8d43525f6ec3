package org.readmission.simulator.generator;

import java.util.List;

import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.EvidenceItem;

/** The documents a person holds, the evidence the requesting party relies on, and whether an interview is needed. */
public record EvidenceSet(List<DocumentRef> documents, List<EvidenceItem> evidence, boolean interviewRequested) {

    /** No (or only disputed) evidence: nationality must be established by the requested state's consular interview. */
    public static EvidenceSet interviewOnly(List<DocumentRef> documents) {
        return new EvidenceSet(documents, List.of(), true);
    }
}
