package org.readmission.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.readmission.audit.AuditAction;
import org.readmission.audit.AuditEntry;
import org.readmission.audit.AuditQueries;
import org.readmission.audit.AuditQuery;
import org.readmission.audit.AuditRecord;
import org.readmission.audit.AuditTrail;
import org.readmission.audit.AuditValues;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' view of this service's audit trail: {@code GET /api/v1/audit?caseId=&party=&from=&to=&limit=}.
 * Only callers with the role {@code auditor} who act for a party; every query is itself recorded.
 */
@RestController
public class AuditController {

    private final AuditQueries queries;
    private final AuditTrail trail;
    private final Callers callers;
    private final Clock clock;

    public AuditController(AuditQueries queries, AuditTrail trail, Callers callers, Clock clock) {
        this.queries = queries;
        this.trail = trail;
        this.callers = callers;
        this.clock = clock;
    }

    @GetMapping("/api/v1/audit")
    ResponseEntity<?> find(HttpServletRequest request,
                           @RequestParam(required = false) String caseId,
                           @RequestParam(required = false) String party,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                           @RequestParam(required = false) String chain,
                           @RequestParam(defaultValue = "0") int limit) {
        Optional<Caller> caller = callers.current(request);
        if (caller.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "Not signed in", "a bearer token is needed");
        }
        if (!caller.get().hasRole(Caller.AUDITOR) || !caller.get().actsForAParty()) {
            return problem(HttpStatus.FORBIDDEN, "Auditors only", "the audit trail is open to the auditors of a party only");
        }
        List<AuditRecord> found = queries.find(new AuditQuery(caseId, party, from, to, chain, limit));
        trail.append(new AuditEntry(clock.instant(), AuditEntry.user(AuditValues.identifier(caller.get().user())),
                AuditValues.identifier(caller.get().party()), AuditAction.AUDIT_TRAIL_READ, "audit_trail", null,
                AuditValues.identifier(caseId), "audit", found.size() + "-records"));
        return ResponseEntity.ok(found);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
