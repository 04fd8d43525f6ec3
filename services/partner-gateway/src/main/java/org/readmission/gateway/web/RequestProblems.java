package org.readmission.gateway.web;

import java.util.List;

import org.readmission.events.partner.ReasonCode;
import org.readmission.gateway.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Malformed REST requests get the same reason codes as Kafka rejections, with the field concerned. */
@RestControllerAdvice
class RequestProblems {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidFields(MethodArgumentNotValidException e) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Violation.of(ReasonCode.MISSING_FIELD, error.getField(), error.getField() + " " + error.getDefaultMessage()))
                .toList();
        return RejectionProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "Application rejected", violations);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause().getMessage();
        return RejectionProblem.of(HttpStatus.BAD_REQUEST, "Unreadable JSON", List.of(Violation.of(ReasonCode.UNDECODABLE_PAYLOAD, null,
                "the body is not a valid application JSON: " + (detail == null ? "" : detail.lines().findFirst().orElse("")))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return RejectionProblem.of(HttpStatus.BAD_REQUEST, "Missing header", List.of(Violation.of(ReasonCode.MISSING_HEADER,
                e.getHeaderName(), "header " + e.getHeaderName() + " is required (your party code, e.g. DE-BPOL)")));
    }

    @ExceptionHandler(SubmissionController.SubmissionNotQueuedException.class)
    ProblemDetail notQueued(SubmissionController.SubmissionNotQueuedException e) {
        return SubmissionController.notQueued(e);
    }
}
