package org.readmission.caseworkflow.inbox;

import org.readmission.security.PartyIsolation;
import org.readmission.security.ReadmissionPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the inbox holds: events waiting for their process, and those given up on (for a person to act on). */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox", description = "Incoming events not yet (or never) correlated with their process")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    record InboxEntryView(String id, String caseId, String ceType, String messageName, String ceSource, String ceId,
                          String requestingParty, String requestedParty, InboxState state, int attempts,
                          Instant receivedAt, Instant nextAttemptAt, Instant settledAt, String lastProblem,
                          String processInstanceId, String origin) {

        static InboxEntryView of(InboxEntry e) {
            return new InboxEntryView(e.id(), e.caseId(), e.ceType(), e.messageName(), e.ceSource(), e.ceId(),
                    e.requestingParty(), e.requestedParty(), e.state(), e.attempts(), e.receivedAt(),
                    e.state() == InboxState.PENDING ? e.nextAttemptAt() : null, e.settledAt(), e.lastProblem(),
                    e.processInstanceId(), e.origin());
        }
    }

    @GetMapping
    @Operation(summary = "Inbox entries by state (oldest first), or all entries of one case")
    List<InboxEntryView> list(@Parameter(description = "PENDING (waiting for the process), EXPIRED (given up), CORRELATED")
                              @RequestParam(defaultValue = "PENDING") InboxState state,
                              @RequestParam(required = false) String caseId,
                              @RequestParam(defaultValue = "100") int limit,
                              @AuthenticationPrincipal ReadmissionPrincipal caller) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        List<InboxEntry> entries = caseId == null ? inbox.list(state, bounded)
                : inbox.listOfCase(caseId, bounded).stream().filter(e -> e.state() == state).toList();
        // only entries of cases where the caller's party is requesting or requested (of the first `limit` entries)
        return entries.stream().filter(e -> PartyIsolation.canSee(caller, e.requestingParty(), e.requestedParty()))
                .map(InboxEntryView::of).toList();
    }
}
