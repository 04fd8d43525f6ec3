package org.readmission.caseworkflow.metrics;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a supervisor's dashboard and an alert need from the engine, recounted periodically (cheap count queries):
 * <ul>
 *   <li>{@code readmission.process.instances{process, state=running|suspended|completed}}</li>
 *   <li>{@code readmission.tasks.open{task}} and {@code readmission.tasks.overdue{task}} (due date passed)</li>
 *   <li>{@code readmission.incidents{process}} (failures waiting for a person, visible in Cockpit)</li>
 *   <li>{@code readmission.jobs{state=executable|failed|timers}}: the job executor's backlog and its failed jobs</li>
 * </ul>
 * SLA breaches are counted where they happen ({@code readmission.sla.breaches{limit}}, see the publishing step).
 */
@Component
class EngineMetrics {

    private static final Logger log = LoggerFactory.getLogger(EngineMetrics.class);
    private static final String[] PROCESSES = {"readmission-case", "transit-request", "reintegration-handoff"};

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    /** User task ids of the deployed models (a key with no open task reports 0). */
    private final Set<String> taskKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> modelsRead = ConcurrentHashMap.newKeySet();

    EngineMetrics(RuntimeService runtime, HistoryService history, TaskService tasks, ManagementService management,
                  RepositoryService repository, MeterRegistry meters, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.management = management;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${readmission.metrics.engine-interval:PT15S}", initialDelay = 2000)
    void recount() {
        try {
            for (String process : PROCESSES) {
                set("readmission.process.instances", Tags.of("process", process, "state", "running"),
                        runtime.createProcessInstanceQuery().processDefinitionKey(process).active().count());
                set("readmission.process.instances", Tags.of("process", process, "state", "suspended"),
                        runtime.createProcessInstanceQuery().processDefinitionKey(process).suspended().count());
                set("readmission.process.instances", Tags.of("process", process, "state", "completed"),
                        history.createHistoricProcessInstanceQuery().processDefinitionKey(process).completed().count());
                set("readmission.incidents", Tags.of("process", process),
                        runtime.createIncidentQuery().processDefinitionKeyIn(process).count());
            }
            Date now = Date.from(clock.instant());
            // two count queries per user task of the deployed models: no task is loaded, however many are open
            for (String key : userTaskKeys()) {
                set("readmission.tasks.open", Tags.of("task", key), tasks.createTaskQuery().active().taskDefinitionKey(key).count());
                set("readmission.tasks.overdue", Tags.of("task", key),
                        tasks.createTaskQuery().active().taskDefinitionKey(key).dueBefore(now).count());
            }
            set("readmission.jobs", Tags.of("state", "executable"), management.createJobQuery().executable().count());
            set("readmission.jobs", Tags.of("state", "failed"), management.createJobQuery().noRetriesLeft().count());
            set("readmission.jobs", Tags.of("state", "timers"), management.createJobQuery().timers().count());
        } catch (RuntimeException e) {
            log.warn("could not count the engine's instances, tasks and jobs: {}", e.toString());
        }
    }

    /** The user tasks of the latest deployed version of each process (read from the model once per version). */
    private Set<String> userTaskKeys() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (modelsRead.add(definition.getId())) {
                repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                        .forEach(task -> taskKeys.add(task.getId()));
            }
        }
        return taskKeys;
    }

    private void set(String name, Tags tags, long value) {
        String id = name + "|" + tags.stream().map(t -> "tag(" + t.getKey() + "=" + t.getValue() + ")").reduce("", String::concat);
        gauges.computeIfAbsent(id, ignored -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder(name, holder, AtomicLong::get).tags(tags).register(meters);
            return holder;
        }).set(value);
    }
}
