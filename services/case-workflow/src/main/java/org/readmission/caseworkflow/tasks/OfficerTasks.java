package org.readmission.caseworkflow.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.workflow.ReadmissionCaseProcess;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The officers' work on user tasks: list, claim, unclaim, complete with a checked form. */
@Service
class OfficerTasks {

    private static final Logger log = LoggerFactory.getLogger(OfficerTasks.class);
    private static final int MAX_TASKS = 200;

    private final TaskService taskService;
    private final RuntimeService runtime;
    private final TaskForms forms;
    private final CaseFiles caseFiles;
    private final TaskAudit audit;
    private final Clock clock;

    OfficerTasks(TaskService taskService, RuntimeService runtime, TaskForms forms, CaseFiles caseFiles, TaskAudit audit,
                 Clock clock) {
        this.audit = audit;
        this.taskService = taskService;
        this.runtime = runtime;
        this.forms = forms;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    /** The task with the case's verification outcomes (the latest entry per person: an interview overrides the check). */
    TaskDetails details(String taskId, Caller caller) {
        Task task = authorized(taskId, caller);
        String caseId = caseIdOf(task);
        Object personId = taskService.getVariable(taskId, ReadmissionCaseProcess.Variables.PERSON_ID);
        List<CaseFile.VerificationEntry> verifications = caseId == null ? List.of()
                : caseFiles.find(caseId).map(CaseFile::verifications).orElse(List.of()).stream()
                        .collect(Collectors.toMap(CaseFile.VerificationEntry::personId, v -> v, (older, newer) -> newer,
                                java.util.LinkedHashMap::new))
                        .values().stream().toList();
        audit.verificationsRead(caller, taskId, caseId);
        return new TaskDetails(view(task, caseId, clock.instant()), personId == null ? null : String.valueOf(personId),
                verifications);
    }

    List<TaskView> list(String candidateGroup) {
        List<Task> tasks = taskService.createTaskQuery().taskCandidateGroup(candidateGroup).includeAssignedTasks()
                .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS);
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> caseIds = instanceIds.isEmpty() ? Map.of()
                : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(pi -> pi.getBusinessKey() != null)
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Instant now = clock.instant();
        return tasks.stream().map(task -> view(task, caseIds.get(task.getProcessInstanceId()), now)).toList();
    }

    TaskView claim(String taskId, Caller caller) {
        Task task = authorized(taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.user())) {
            throw new TaskProblems.ClaimedByOther(taskId, task.getAssignee());
        }
        try {
            taskService.claim(taskId, caller.user());
        } catch (TaskAlreadyClaimedException e) {
            throw new TaskProblems.ClaimedByOther(taskId, e.getTaskAssignee());
        } catch (ProcessEngineException e) {
            throw goneOr(taskId, e);
        }
        return view(authorized(taskId, caller), caseIdOf(task), clock.instant());
    }

    TaskView unclaim(String taskId, Caller caller) {
        Task task = authorized(taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.user())) {
            throw new TaskProblems.ClaimedByOther(taskId, task.getAssignee());
        }
        try {
            taskService.setAssignee(taskId, null);
        } catch (ProcessEngineException e) {
            throw goneOr(taskId, e);
        }
        return view(authorized(taskId, caller), caseIdOf(task), clock.instant());
    }

    /** Checks the form; completes the task (claiming it if nobody holds it) or sends the message the form asks for. */
    void complete(String taskId, Caller caller, Map<String, Object> fields) {
        Task task = authorized(taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.user())) {
            throw new TaskProblems.ClaimedByOther(taskId, task.getAssignee());
        }
        String caseId = caseIdOf(task);
        Function<String, Object> variables = name -> taskService.getVariable(taskId, name);
        FormOutcome outcome = forms.check(task.getTaskDefinitionKey(), fields,
                new TaskForms.TaskContext(taskId, caseId, caller.user(), clock.instant(), variables));
        if (outcome instanceof FormOutcome.Invalid invalid) {
            throw new TaskProblems.InvalidForm(taskId, invalid.errors());
        }
        try {
            if (outcome instanceof FormOutcome.SendMessage message) {
                runtime.createMessageCorrelation(message.messageName()).processInstanceId(task.getProcessInstanceId())
                        .setVariables(message.variables()).correlateWithResult();
                log.info("case {}: {} sent {} from task {}", caseId, caller.user(), message.messageName(), task.getTaskDefinitionKey());
                return;
            }
            FormOutcome.Complete completion = (FormOutcome.Complete) outcome;
            if (task.getAssignee() == null) {
                taskService.claim(taskId, caller.user());
            }
            completion.beforeCompletion().run();
            taskService.complete(taskId, completion.variables());
            audit.completed(caller, taskId, task.getTaskDefinitionKey(), caseId);
            log.info("case {}: {} ({}) completed {}", caseId, caller.user(), caller.candidateGroup(), task.getTaskDefinitionKey());
        } catch (TaskAlreadyClaimedException e) {
            throw new TaskProblems.ClaimedByOther(taskId, e.getTaskAssignee());
        } catch (MismatchingMessageCorrelationException e) {
            throw new TaskProblems.TaskGone(taskId);
        } catch (ProcessEngineException e) {
            throw goneOr(taskId, e);
        }
    }

    private Task authorized(String taskId, Caller caller) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskProblems.TaskGone(taskId);
        }
        boolean offered = candidateGroups(taskId).contains(caller.candidateGroup());
        if (!offered) {
            throw new TaskProblems.NotYourTask(taskId, caller.candidateGroup());
        }
        return task;
    }

    private List<String> candidateGroups(String taskId) {
        try {
            return taskService.getIdentityLinksForTask(taskId).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).toList();
        } catch (ProcessEngineException e) {
            throw goneOr(taskId, e);
        }
    }

    private String caseIdOf(Task task) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private TaskView view(Task task, String caseId, Instant now) {
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new TaskView(task.getId(), caseId, task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                candidateGroups(task.getId()), task.getAssignee(), task.getCreateTime().toInstant(), due,
                due != null && due.isBefore(now));
    }

    /** The engine refuses to act on a task that has gone meanwhile; anything else is a real failure. */
    private RuntimeException goneOr(String taskId, ProcessEngineException e) {
        if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
            return new TaskProblems.TaskGone(taskId);
        }
        return e;
    }
}
