package org.readmission.gateway.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.readmission.gateway.validation.Violation;

/** RFC 9457 problem details carrying the same reason codes as a Kafka rejection. */
final class RejectionProblem {

    private RejectionProblem() {
    }

    static ProblemDetail of(HttpStatus status, String title, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title);
        problem.setDetail(String.join("; ", violations.stream().map(Violation::message).toList()));
        problem.setProperty("reasons", violations);
        return problem;
    }
}
