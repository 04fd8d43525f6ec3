package org.readmission.caseview.diagram;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.readmission.caseview.cases.CaseFile;
import org.readmission.caseview.cases.OpenTask;

/** Where in {@code readmission-case} a case stands, as BPMN activity ids to highlight. */
public final class CurrentActivities {

    private static final Map<String, String> END_BY_OUTCOME = Map.of(
            "TRANSFERRED", "EndEvent_PersonTransferred", "REFUSED", "EndEvent_ApplicationRefused",
            "WITHDRAWN", "EndEvent_ApplicationWithdrawn", "EXPIRED", "EndEvent_ClosedWithoutReply",
            "OTHER", "EndEvent_ClosedOnProtectionGrounds");

    private CurrentActivities() {
    }

    public static Set<String> of(CaseFile file) {
        Set<String> ids = new LinkedHashSet<>();
        file.openTasks().stream().map(OpenTask::taskKey).forEach(ids::add);
        switch (file.state()) {
            case REGISTERED -> ids.add("ServiceTask_RegisterCase");
            case VERIFYING -> ids.add("ReceiveTask_AwaitVerificationResult");
            case TRAVEL_DOCUMENT_ISSUED -> ids.add("ReceiveTask_AwaitTransferProposal");
            case CLOSED -> ids.add(END_BY_OUTCOME.getOrDefault(file.outcome(), "EndEvent_ClosedOnProtectionGrounds"));
            default -> {
                // the open tasks say it
            }
        }
        return ids;
    }
}
