package org.readmission.caseworkflow.publishing;

import java.util.Optional;

import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.messaging.EventPublisher.WireEvent;

/**
 * One event a committed engine transaction owes the topics, with what the case file records once it is sent.
 *
 * @param seq      the order of the outbox (commit order of the steps of a case)
 * @param wire     the event as it goes on the wire
 * @param timeline the case file's timeline entry for it
 * @param deadline the deadline it announces, as the case file keeps it, if any
 */
record OutboxEntry(long seq, WireEvent wire, CaseFile.TimelineEntry timeline, Optional<CaseFile.DeadlineEntry> deadline) {
}
