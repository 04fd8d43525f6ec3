package org.readmission.simulator.cases;

import java.util.List;

import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.simulator.generator.Submission;

/** One case of the benchmark: the application as sent (e2e) and what the bare engine needs of it. */
record CaseSpec(Submission submission, String applicationId, String requestingParty, String requestedParty,
                String procedure, String category, List<String> personIds) {

    static CaseSpec of(Submission submission) {
        ReadmissionApplicationSubmitted application = submission.application();
        return new CaseSpec(submission, application.getApplicationId(), application.getRequestingParty().getValue(),
                application.getRequestedParty().getValue(), application.getProcedure().name(),
                application.getCategory().name(), application.getPersons().stream().map(p -> p.getPersonId()).toList());
    }
}
