package org.readmission.caseworkflow.tasks;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.readmission.security.ReadmissionPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officers' task API, for callers with a bearer token of the system's OIDC provider (audience
 * {@code case-workflow}). The caller's party and user are the token's {@code party} and {@code sub}; the role is the
 * one named with {@code ?role=} if the token grants it, else the token's only role. A task is only shown to and worked
 * by the candidate group {@code <party>:<role>} it is offered to (403 otherwise).
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Officers' work on the user tasks of the readmission cases")
class TaskController {

    private static final String ROLE_PARAMETER = "the role to act in, one the token grants (default: the token's only role)";

    private final OfficerTasks tasks;

    TaskController(OfficerTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "Open tasks offered to the caller's party and role (claimed ones included), oldest first")
    @ApiResponse(responseCode = "403", description = "party or role differ from the token's")
    List<TaskView> list(@Parameter(description = "optional; must be the token's party") @RequestParam(required = false) String party,
                        @Parameter(description = ROLE_PARAMETER) @RequestParam(required = false) String role,
                        @Parameter(hidden = true) @AuthenticationPrincipal ReadmissionPrincipal principal) {
        Caller caller = Caller.of(principal, role);
        if (party != null && !party.trim().equalsIgnoreCase(caller.party())) {
            throw new TaskProblems.NotYourTask("list", party + ":" + caller.role());
        }
        return tasks.list(caller.candidateGroup());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task with what is needed to act on it (the persons' identity verification outcomes and reasons); "
            + "the read is recorded in the audit trail")
    @ApiResponse(responseCode = "403", description = "the task is not offered to the caller's party and role")
    TaskDetails details(@PathVariable String id,
                        @Parameter(description = ROLE_PARAMETER) @RequestParam(required = false) String role,
                        @Parameter(hidden = true) @AuthenticationPrincipal ReadmissionPrincipal principal) {
        // the persons' verification outcomes are personal data: who read them (the token's sub) is recorded
        return tasks.details(id, Caller.of(principal, role));
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task for the calling officer (the token's sub)")
    @ApiResponse(responseCode = "409", description = "the task is gone or claimed by another officer")
    TaskView claim(@PathVariable String id,
                   @Parameter(description = ROLE_PARAMETER) @RequestParam(required = false) String role,
                   @Parameter(hidden = true) @AuthenticationPrincipal ReadmissionPrincipal principal) {
        return tasks.claim(id, Caller.of(principal, role));
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give a claimed task back to the group")
    @ApiResponse(responseCode = "409", description = "the task is gone or claimed by another officer")
    TaskView unclaim(@PathVariable String id,
                     @Parameter(description = ROLE_PARAMETER) @RequestParam(required = false) String role,
                     @Parameter(hidden = true) @AuthenticationPrincipal ReadmissionPrincipal principal) {
        return tasks.unclaim(id, Caller.of(principal, role));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task with its form (checked per taskDefinitionKey)")
    @ApiResponse(responseCode = "204", description = "completed (or the requested message was sent)")
    @ApiResponse(responseCode = "422", description = "the form is not valid; errors lists each field")
    @ApiResponse(responseCode = "409", description = "the task is gone or claimed by another officer")
    ResponseEntity<Void> complete(@PathVariable String id,
                                  @Parameter(description = ROLE_PARAMETER) @RequestParam(required = false) String role,
                                  @Parameter(hidden = true) @AuthenticationPrincipal ReadmissionPrincipal principal,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                          schema = @Schema(implementation = TaskCompletionRequest.class)))
                                  @RequestBody(required = false) Map<String, Object> form) {
        tasks.complete(id, Caller.of(principal, role), form == null ? Map.of() : form);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler({TaskProblems.TaskGone.class, TaskProblems.ClaimedByOther.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({TaskProblems.NotYourTask.class, TaskProblems.NotYourRole.class})
    ProblemDetail forbidden(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(TaskProblems.InvalidForm.class)
    ProblemDetail invalid(TaskProblems.InvalidForm e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Invalid task form");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
