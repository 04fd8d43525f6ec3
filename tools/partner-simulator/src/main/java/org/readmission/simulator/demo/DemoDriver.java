package org.readmission.simulator.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;
import org.readmission.simulator.kafka.KafkaSettings;
import org.readmission.simulator.kafka.TopicTail;

/**
 * Drives the demo cases to their planned states through the real paths: the partners' messages through the gateway
 * (Kafka), the officers' work through the case-workflow's task API. Acts on what it sees: a task of one of its cases
 * appears in an officer's list, the gateway acknowledges an application, a case is closed.
 */
final class DemoDriver {

    static final List<String> ROLES = List.of("case-officer", "consular-officer", "border-officer", "supervisor",
            "protection-officer");
    private static final String APPLICATION_TYPE = EventCatalog.v1().of(ReadmissionApplicationSubmitted.class).ceType();

    private final List<DemoCase> cases;
    private final DemoMessages messages;
    private final TaskApi tasks;
    private final PrintStream out;
    private final Map<String, DemoCase> byApplication = new ConcurrentHashMap<>();
    private final Map<String, DemoCase> byCase = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> problems = new ConcurrentHashMap<>();
    private final Set<String> fullLists = ConcurrentHashMap.newKeySet();

    DemoDriver(List<DemoCase> cases, DemoMessages messages, TaskApi tasks, PrintStream out) {
        this.cases = cases;
        this.messages = messages;
        this.tasks = tasks;
        this.out = out;
        cases.forEach(c -> byApplication.put(c.applicationId(), c));
    }

    /** Sends every application (or, for the bypass states, the command), then works until all are reached or the timeout. */
    void run(KafkaSettings kafka, org.readmission.simulator.generator.SubmissionFactory envelopes, Duration timeout,
             Duration pollEvery) throws InterruptedException {
        Set<String> parties = new TreeSet<>();
        cases.forEach(c -> {
            parties.add(c.requesting());
            parties.add(c.requested());
        });
        List<String> topics = new ArrayList<>(List.of(Topics.CASE_EVENTS));
        parties.forEach(p -> topics.add(Topics.partnerNotifications(p)));
        try (TopicTail tail = TopicTail.fromEnd(kafka, "partner-simulator-seed-demo", topics);
             KafkaProducer<String, byte[]> producer = kafka.producer("partner-simulator-seed-demo", 5)) {
            tail.start(this::onRecord);
            send(producer, envelopes);
            work(producer, parties, timeout, pollEvery);
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, org.readmission.simulator.generator.SubmissionFactory envelopes) {
        int sent = 0;
        for (DemoCase c : cases) {
            Instant now = Instant.now();
            ProducerRecord<String, byte[]> record;
            if (c.target().bypassesGateway()) {
                Instant receivedAt = now.minus(c.plan().receivedDaysAgo(), ChronoUnit.DAYS);
                record = messages.openCase(c.application(), receivedAt, now);
                c.caseId(DemoMessages.caseIdOf(c.requesting(), c.applicationId()));
                byCase.put(c.caseId(), c);
                c.at("opened without the gateway, received " + c.plan().receivedDaysAgo() + " days ago");
            } else {
                var submission = envelopes.valid(c.application());
                record = new ProducerRecord<>(Topics.PARTNER_SUBMISSIONS, submission.key(), submission.value());
                org.readmission.events.CloudEventHeaders.write(record.headers(), submission.attributes());
            }
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    problem("send failed: " + error.getClass().getSimpleName());
                }
            });
            if (++sent % 25 == 0 || sent == cases.size()) {
                out.printf(Locale.ROOT, "  sent %d of %d%n", sent, cases.size());
            }
        }
        producer.flush();
    }

    private void work(KafkaProducer<String, byte[]> producer, Set<String> parties, Duration timeout, Duration pollEvery)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextHeartbeat = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int reportedAt = 0;
        while (System.nanoTime() < deadline) {
            for (DemoCase c : cases) {
                if (c.target() == DemoState.WITHDRAWN && c.caseId() != null && c.firstTime("withdrawal")) {
                    producer.send(messages.withdrawal(c, Instant.now()));
                }
            }
            for (String party : parties) {
                for (String role : ROLES) {
                    actOnTasks(producer, party, role);
                }
            }
            producer.flush();
            int reached = reached();
            if (reached / 25 > reportedAt / 25 || reached == cases.size()) {
                out.printf(Locale.ROOT, "  %d of %d cases in their planned state%n", reached, cases.size());
                reportedAt = reached;
            } else if (System.nanoTime() > nextHeartbeat) {
                out.printf(Locale.ROOT, "  ... %d of %d cases in their planned state, %d acknowledged%n", reached, cases.size(),
                        cases.stream().filter(c -> c.caseId() != null).count());
            }
            if (System.nanoTime() > nextHeartbeat) {
                nextHeartbeat = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            if (reached == cases.size()) {
                return;
            }
            Thread.sleep(pollEvery.toMillis()); // the pace of an officer refreshing the task list
        }
    }

    private void actOnTasks(KafkaProducer<String, byte[]> producer, String party, String role) throws InterruptedException {
        List<TaskApi.Task> listed;
        try {
            listed = tasks.list(party, role);
        } catch (IOException e) {
            problem("task list " + party + ":" + role + " failed: " + e.getMessage());
            return;
        }
        if (listed.size() >= TaskApi.LIST_LIMIT && fullLists.add(party + ":" + role)) {
            out.println("  note: " + party + ":" + role + " lists " + TaskApi.LIST_LIMIT + " tasks, the case-workflow's limit;"
                    + " newer tasks are hidden until older ones are done (a fresh .local-data clears earlier demos)");
        }
        for (TaskApi.Task task : listed) {
            DemoCase c = task.caseId() == null ? null : byCase.get(task.caseId());
            if (c != null && !c.reached()) {
                act(producer, c, task, party, role);
            }
        }
    }

    private void act(KafkaProducer<String, byte[]> producer, DemoCase c, TaskApi.Task task, String party, String role)
            throws InterruptedException {
        String key = task.taskDefinitionKey();
        c.at(key);
        if (key.equals(c.target().stopsAt())) {
            c.reach(key);
            return;
        }
        if (c.target().leftAlone()) {
            return;
        }
        Instant now = Instant.now();
        switch (key) {
            case "UserTask_ScheduleInterview":
                complete(c, task, party, role, Map.of(
                        "interviewScheduledAt", now.plus(3 + c.plan().index() % 7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS)
                                .plus(Duration.ofMinutes(9 * 60 + 30)).toString(),
                        "interviewPlace", DemoMessages.interviewPlace(c.requesting(), c.requested())));
                break;
            case "UserTask_RecordInterviewOutcome":
                complete(c, task, party, role, Map.of("interviewOutcome", c.target().refused() ? "NOT_CONFIRMED" : "CONFIRMED",
                        "interviewFindings", c.target().refused() ? "Statements inconsistent; nationality not established."
                                : "Knowledge of the place of birth and the language consistent with the nationality claimed."));
                break;
            case "UserTask_DecideOnApplication":
                if (c.plan().partnerDecides()) {
                    if (c.firstTime("decision")) {
                        producer.send(messages.decision(c, decisionType(c), c.refusedPersonIds(), now));
                    }
                } else {
                    complete(c, task, party, role, decisionForm(c));
                }
                break;
            case "UserTask_IssueTravelDocument":
                List<Map<String, Object>> documents = new ArrayList<>();
                List<String> approved = c.approvedPersonIds();
                for (int i = 0; i < approved.size(); i++) {
                    documents.add(Map.of("personId", approved.get(i),
                            "documentNumber", String.format(Locale.ROOT, "LP%07d", c.plan().index() * 10 + i),
                            "validUntil", LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(90).toString()));
                }
                complete(c, task, party, role, Map.of("documents", documents));
                break;
            case "UserTask_ProposeTransfer":
                if (c.plan().partnerDecides()) {
                    if (c.firstTime("transfer-proposed")) {
                        producer.send(messages.transferProposed(c, transferAt(c, now), DemoMessages.crossingPointOf(c.requested()), now));
                    }
                } else {
                    complete(c, task, party, role, Map.of("transferScheduledAt", transferAt(c, now).toString(),
                            "borderCrossingPoint", DemoMessages.crossingPointOf(c.requested())));
                }
                break;
            case "UserTask_ConfirmTransfer":
                if (c.plan().partnerDecides()) {
                    if (c.firstTime("transfer-confirmed")) {
                        producer.send(messages.transferConfirmed(c, transferAt(c, now), DemoMessages.crossingPointOf(c.requested()), now));
                    }
                } else {
                    complete(c, task, party, role, Map.of());
                }
                break;
            case "UserTask_ConfirmHandover":
                if (c.target() == DemoState.ON_PROTECTION_HOLD) {
                    if (c.firstTime("protection-concern")) {
                        producer.send(messages.protectionConcern(c, now));
                    }
                } else {
                    complete(c, task, party, role, Map.of());
                }
                break;
            default:
                // escalations and reviews are left to the supervisors
        }
    }

    private static ReadmissionDecisionType decisionType(DemoCase c) {
        return c.target().refused() ? ReadmissionDecisionType.REFUSED
                : c.partial() ? ReadmissionDecisionType.PARTIALLY_APPROVED : ReadmissionDecisionType.APPROVED;
    }

    private static Map<String, Object> decisionForm(DemoCase c) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("decision", decisionType(c).name());
        if (c.target().refused()) {
            form.put("refusalReasons", List.of("NATIONALITY_NOT_ESTABLISHED"));
            form.put("motivation", "Nationality could not be established from the evidence or the interview.");
        } else if (c.partial()) {
            form.put("refusedPersonIds", List.copyOf(c.refusedPersonIds()));
            form.put("refusalReasons", List.of("CONDITIONS_NOT_MET"));
            form.put("motivation", "The conditions of readmission are not met for one family member.");
        }
        return form;
    }

    /** The transfer date of a case: two to three weeks ahead, 08:00 UTC. */
    private static Instant transferAt(DemoCase c, Instant now) {
        return now.truncatedTo(ChronoUnit.DAYS).plus(14 + c.plan().index() % 10, ChronoUnit.DAYS).plus(Duration.ofHours(8));
    }

    private void complete(DemoCase c, TaskApi.Task task, String party, String role, Map<String, Object> form)
            throws InterruptedException {
        if (!c.firstTime(task.id())) {
            return;
        }
        try {
            TaskApi.Completion done = tasks.complete(task.id(), party, role, form);
            if (!done.done() && done.status() != 409) {
                problem(task.taskDefinitionKey() + " answered " + done.status());
                out.printf(Locale.ROOT, "  case %s: %s not completed (%d): %s%n", c.caseId(), task.taskDefinitionKey(),
                        done.status(), done.problem());
            }
        } catch (IOException e) {
            problem(task.taskDefinitionKey() + " failed: " + e.getClass().getSimpleName());
        }
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        SpecificRecord event;
        try {
            event = messages.codec().decode(record.value());
        } catch (UndecodableEventException e) {
            return;
        }
        if (event instanceof SubmissionAcknowledged) {
            SubmissionAcknowledged ack = (SubmissionAcknowledged) event;
            DemoCase c = ack.getApplicationId() == null ? null : byApplication.get(ack.getApplicationId());
            if (c != null && APPLICATION_TYPE.equals(ack.getSubmissionType()) && ack.getCaseId() != null && c.caseId() == null) {
                c.caseId(ack.getCaseId().getValue());
                byCase.put(c.caseId(), c);
                c.at("acknowledged");
            }
        } else if (event instanceof SubmissionRejected) {
            SubmissionRejected rejected = (SubmissionRejected) event;
            DemoCase c = rejected.getApplicationId() == null ? null : byApplication.get(rejected.getApplicationId());
            if (c != null) {
                String codes = rejected.getReasons().stream().map(r -> r.getCode().name()).collect(Collectors.joining(","));
                String type = rejected.getSubmissionType() == null ? "?" : rejected.getSubmissionType();
                rejections.computeIfAbsent(type + " " + codes, k -> new AtomicInteger()).incrementAndGet();
                c.at("gateway rejected " + type + " (" + codes + ")");
            }
        } else if (event instanceof CaseClosed) {
            CaseClosed closed = (CaseClosed) event;
            DemoCase c = byCase.get(closed.getCaseRef().getCaseId().getValue());
            if (c != null) {
                String outcome = closed.getOutcome().name();
                boolean planned = c.target().stopsAt() == null && c.target().name().equals(outcome);
                if (planned) {
                    c.reach("closed " + outcome);
                } else {
                    c.at("closed " + outcome);
                }
            }
        }
    }

    private void problem(String what) {
        problems.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    int reached() {
        return (int) cases.stream().filter(DemoCase::reached).count();
    }

    Map<String, AtomicInteger> rejections() {
        return rejections;
    }

    Map<String, AtomicInteger> problems() {
        return problems;
    }
}
