package org.readmission.simulator.cases;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.readmission.simulator.bench.Progress;
import org.readmission.workflow.ReadmissionCaseProcess.Beans;
import org.readmission.workflow.ReadmissionCaseProcess.Events;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bare-engine baseline: the same cases through the same model on an in-process engine ({@link BareEngine}), with
 * no-op beans, no Kafka, no store. Driven like the automated path: start by message, answer each verification request
 * (published = the publishing task ran) with {@code verification-completed} for that person, then the decision; a
 * correlation that finds the process not yet at its wait state is retried shortly, as the service's inbox does.
 * "Decided" = the task publishing {@code readmission-decided} ran and committed.
 */
public final class BareEnginePhase {

    private static final Logger log = LoggerFactory.getLogger(BareEnginePhase.class);
    private static final long RETRY_MILLIS = 10;

    private final Duration timeout;
    private final Duration progressEvery;
    private final PrintStream out;
    private final int driverThreads;

    public BareEnginePhase(Duration timeout, Duration progressEvery, PrintStream out, int driverThreads) {
        this.timeout = timeout;
        this.progressEvery = progressEvery;
        this.out = out;
        this.driverThreads = driverThreads;
    }

    private static final class Run {
        final CaseSpec spec;
        final String caseId;
        volatile long startNanos;
        final Set<String> requested = ConcurrentHashMap.newKeySet();
        final Set<String> verified = ConcurrentHashMap.newKeySet();
        final AtomicLong decidedNanos = new AtomicLong();

        Run(CaseSpec spec, String caseId) {
            this.spec = spec;
            this.caseId = caseId;
        }
    }

    public CaseLatencies run(List<CaseSpec> specs) throws InterruptedException {
        Map<String, Run> runs = new ConcurrentHashMap<>();
        List<Run> ordered = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Run run = new Run(specs.get(i), String.format("RC-BARE%07d", i + 1));
            runs.put(run.caseId, run);
            ordered.add(run);
        }
        Histogram toDecided = CaseLatencies.histogram();
        Histogram toReady = CaseLatencies.histogram();
        AtomicInteger ready = new AtomicInteger();
        AtomicInteger decided = new AtomicInteger();
        AtomicLong lastDecided = new AtomicLong();
        AtomicInteger retries = new AtomicInteger();
        ScheduledExecutorService driver = Executors.newScheduledThreadPool(driverThreads, r -> {
            Thread t = new Thread(r, "bare-engine-driver");
            t.setDaemon(true);
            return t;
        });
        ProcessEngine[] engineHolder = new ProcessEngine[1];

        // the publishing bean: acts after the job's transaction committed, as a consumer of the event would
        JavaDelegate publish = execution -> {
            String type = (String) execution.getVariableLocal("eventType");
            Run run = runs.get(execution.getProcessBusinessKey());
            if (run == null || type == null) {
                return;
            }
            if (Events.VERIFICATION_REQUESTED.equals(type)) {
                String personId = (String) execution.getVariable("personId");
                afterCommit(() -> {
                    if (run.requested.add(personId)) {
                        if (run.requested.size() == run.spec.personIds().size()) {
                            ready.incrementAndGet();
                            CaseLatencies.record(toReady, run.startNanos, System.nanoTime());
                        }
                        driver.execute(() -> verify(engineHolder[0].getRuntimeService(), driver, run, personId, retries));
                    }
                });
            } else if (Events.READMISSION_DECIDED.equals(type)) {
                afterCommit(() -> {
                    long now = System.nanoTime();
                    if (run.decidedNanos.compareAndSet(0, now)) {
                        CaseLatencies.record(toDecided, run.startNanos, now);
                        lastDecided.accumulateAndGet(now, Math::max);
                        decided.incrementAndGet();
                    }
                });
            }
        };

        ProcessEngine engine = BareEngine.start(beans(publish));
        engineHolder[0] = engine;
        try {
            out.printf("bare engine: %d cases, job executor core 2 / max 4, %d driver threads ...%n", ordered.size(), driverThreads);
            long first = System.nanoTime();
            try (Progress progress = new Progress(out, progressEvery, "bare", () -> String.format(
                    "started %d, ready for verification %d, decided %d of %d (correlation retries %d)",
                    ordered.stream().filter(r -> r.startNanos != 0).count(), ready.get(), decided.get(), ordered.size(),
                    retries.get()))) {
                for (Run run : ordered) {
                    run.startNanos = System.nanoTime();
                    driver.execute(() -> start(engine.getRuntimeService(), run));
                }
                long deadline = first + timeout.toNanos();
                while (decided.get() < ordered.size() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            long last = lastDecided.get();
            double seconds = last == 0 ? 0 : (last - first) / 1e9;
            return new CaseLatencies("bare engine", ordered.size(), decided.get(), ready.get(), seconds, toDecided, toReady);
        } finally {
            driver.shutdownNow();
            driver.awaitTermination(5, TimeUnit.SECONDS);
            engine.close();
        }
    }

    private static void afterCommit(Runnable action) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                commandContext -> action.run());
    }

    private static void start(RuntimeService runtime, Run run) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", run.caseId);
        variables.put("applicationId", run.spec.applicationId());
        variables.put("requestingParty", run.spec.requestingParty());
        variables.put("requestedParty", run.spec.requestedParty());
        variables.put("procedure", run.spec.procedure());
        variables.put("category", run.spec.category());
        variables.put("personIds", new ArrayList<>(run.spec.personIds()));
        variables.put("receivedAt", new Date());
        try {
            runtime.createMessageCorrelation(Messages.OPEN_CASE).processInstanceBusinessKey(run.caseId)
                    .setVariables(variables).correlateStartMessage();
        } catch (RuntimeException e) {
            log.warn("could not start {}: {}", run.caseId, e.toString());
        }
    }

    private static void verify(RuntimeService runtime, ScheduledExecutorService driver, Run run, String personId,
                               AtomicInteger retries) {
        try {
            runtime.createMessageCorrelation(Messages.VERIFICATION_COMPLETED).processInstanceBusinessKey(run.caseId)
                    .localVariableEquals("personId", personId)
                    .setVariableLocal("verificationOutcome", "CONFIRMED")
                    .correlate();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            retries.incrementAndGet();
            retry(driver, () -> verify(runtime, driver, run, personId, retries));
            return;
        }
        if (run.verified.add(personId) && run.verified.size() == run.spec.personIds().size()) {
            decide(runtime, driver, run, retries); // right after the last verification result, as the e2e path does
        }
    }

    private static void decide(RuntimeService runtime, ScheduledExecutorService driver, Run run, AtomicInteger retries) {
        try {
            runtime.createMessageCorrelation(Messages.DECISION_SUBMITTED).processInstanceBusinessKey(run.caseId)
                    .setVariable("decision", "APPROVED")
                    .setVariable("motivation", "Identity and nationality confirmed (benchmark).")
                    .setVariable("decidedAt", new Date())
                    .correlate();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            retries.incrementAndGet();
            retry(driver, () -> decide(runtime, driver, run, retries));
        }
    }

    private static void retry(ScheduledExecutorService driver, Runnable attempt) {
        if (!driver.isShutdown()) {
            driver.schedule(attempt, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** No-op beans for every delegate expression of the model; the deadline beans set the dates its timers need. */
    static Map<Object, Object> beans(JavaDelegate publish) {
        Map<Object, Object> beans = new HashMap<>();
        beans.put(Beans.REGISTER_CASE, (JavaDelegate) execution -> { });
        beans.put(Beans.CLASSIFY_EVIDENCE, (JavaDelegate) execution -> execution.setVariable("evidenceSummary", "PROOF"));
        beans.put(Beans.COMPUTE_REPLY_DEADLINE, (JavaDelegate) execution -> {
            execution.setVariable("replyDueAt", inDays(30));
            execution.setVariable("replyReminderAt", inDays(27));
            execution.setVariable("replyEscalationAt", inDays(29));
            execution.setVariable("replyDeadlineExplanation", "fixed by the benchmark");
        });
        beans.put(Beans.COMPUTE_TRAVEL_DOCUMENT_DEADLINE, (JavaDelegate) execution ->
                execution.setVariable("travelDocumentDueAt", inDays(7)));
        beans.put(Beans.COMPUTE_TRANSFER_DEADLINE, (JavaDelegate) execution ->
                execution.setVariable("transferDueAt", inDays(90)));
        beans.put(Beans.PUBLISH_CASE_EVENT, publish);
        // added to the model since (consular interview, reintegration handoff, personal-data correction); the
        // automated path never reaches them
        beans.put("computeInterviewDeadline", (JavaDelegate) execution -> execution.setVariableLocal("interviewDueAt", inDays(14)));
        beans.put("startReintegrationHandoff", (JavaDelegate) execution -> { });
        beans.put(org.readmission.workflow.PersonalDataCorrectionProcess.Beans.RECORD_CORRECTION, (JavaDelegate) execution -> { });
        return beans;
    }

    private static Date inDays(int days) {
        return Date.from(Instant.now().plus(days, ChronoUnit.DAYS));
    }
}
