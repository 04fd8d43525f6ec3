package org.readmission.caseworkflow.tasks;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officers' task API. Until the security issue lands, the caller's party and role come from the headers
 * {@code X-Party-Code} and {@code X-Role} (and the officer from {@code X-User}); a task is only shown to and
 * worked by the candidate group {@code <party>:<role>} it is offered to.
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Officers' work on the user tasks of the readmission cases")
class TaskController {

    private final OfficerTasks tasks;

    TaskController(OfficerTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "Open tasks offered to a party's role (claimed ones included), oldest first")
    @ApiResponse(responseCode = "403", description = "party/role differ from the caller's headers")
    List<TaskView> list(@RequestParam(required = false) String party, @RequestParam(required = false) String role,
                        @RequestHeader(name = "X-Party-Code", required = false) String callerParty,
                        @RequestHeader(name = "X-Role", required = false) String callerRole) {
        String listParty = party != null ? party : callerParty;
        String listRole = role != null ? role : callerRole;
        if (listParty == null || listRole == null) {
            throw new IllegalArgumentException("name the party and role: ?party=AZ-SMS&role=case-officer (or the headers X-Party-Code, X-Role)");
        }
        if ((callerParty != null && !callerParty.equals(listParty)) || (callerRole != null && !callerRole.equals(listRole))) {
            throw new TaskProblems.NotYourTask("list", listParty + ":" + listRole);
        }
        return tasks.list(listParty + ":" + listRole);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task with what is needed to act on it (the persons' identity verification outcomes and reasons); "
            + "the read is recorded in the audit trail")
    @ApiResponse(responseCode = "403", description = "the task is not offered to the caller's party and role")
    TaskDetails details(@PathVariable String id, @RequestHeader("X-Party-Code") String party,
                        @RequestHeader("X-Role") String role,
                        @RequestHeader("X-User") String user) {
        // the persons' verification outcomes are personal data: who read them is recorded, so X-User is required
        return tasks.details(id, new Caller(party, role, user));
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a task for the calling officer (X-User)")
    @ApiResponse(responseCode = "409", description = "the task is gone or claimed by another officer")
    TaskView claim(@PathVariable String id, @RequestHeader("X-Party-Code") String party,
                   @RequestHeader("X-Role") String role, @RequestHeader("X-User") String user) {
        return tasks.claim(id, new Caller(party, role, user));
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give a claimed task back to the group")
    @ApiResponse(responseCode = "409", description = "the task is gone or claimed by another officer")
    TaskView unclaim(@PathVariable String id, @RequestHeader("X-Party-Code") String party,
                     @RequestHeader("X-Role") String role, @RequestHeader("X-User") String user) {
        return tasks.unclaim(id, new Caller(party, role, user));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task with its form (checked per taskDefinitionKey)")
    @ApiResponse(responseCode = "204", description = "completed (or the requested message was sent)")
    @ApiResponse(responseCode = "422", description = "the form is not valid; errors lists each field")
    @ApiResponse(responseCode = "409", description = "the task is gone or claimed by another officer")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestHeader("X-Party-Code") String party,
                                  @RequestHeader("X-Role") String role, @RequestHeader("X-User") String user,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                          schema = @Schema(implementation = TaskCompletionRequest.class)))
                                  @RequestBody(required = false) Map<String, Object> form) {
        tasks.complete(id, new Caller(party, role, user), form == null ? Map.of() : form);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler({TaskProblems.TaskGone.class, TaskProblems.ClaimedByOther.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(TaskProblems.NotYourTask.class)
    ProblemDetail forbidden(TaskProblems.NotYourTask e) {
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
