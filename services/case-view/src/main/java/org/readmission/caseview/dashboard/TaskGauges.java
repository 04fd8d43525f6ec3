package org.readmission.caseview.dashboard;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.readmission.caseview.cases.CaseStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** {@code caseview.tasks.open} and {@code caseview.tasks.overdue}, recounted periodically (not on every scrape). */
@Component
class TaskGauges {

    private final CaseStore store;
    private final Clock clock;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    TaskGauges(CaseStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        Gauge.builder("caseview.tasks.open", open, AtomicLong::get).description("tasks expected open, all parties").register(meters);
        Gauge.builder("caseview.tasks.overdue", overdue, AtomicLong::get).description("open tasks past their due date").register(meters);
    }

    @Scheduled(fixedDelayString = "${readmission.case-view.gauge-interval:PT30S}", initialDelayString = "PT5S")
    void recount() {
        long[] counts = store.openAndOverdueTasks(clock.instant());
        open.set(counts[0]);
        overdue.set(counts[1]);
    }
}
