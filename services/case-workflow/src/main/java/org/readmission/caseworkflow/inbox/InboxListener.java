package org.readmission.caseworkflow.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.Topics;
import org.readmission.messaging.DeadLetters;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.retention.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the commands of the partner gateway and the results of identity verification as raw bytes: a record
 * that cannot be read is dead-lettered with the reason (never blocking its partition); every other record goes
 * into the inbox before its offset is committed.
 */
@Component
class InboxListener {

    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

    private final IncomingEvents incoming;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final InboxMetrics metrics;

    InboxListener(IncomingEvents incoming, Inbox inbox, DeadLetters deadLetters, InboxMetrics metrics) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @KafkaListener(id = "case-workflow-inbox", idIsGroup = false, // group: spring.kafka.consumer.group-id
            topics = {Topics.CASE_COMMANDS, Topics.IDENTITY_VERIFICATION_RESULTS, Topics.REINTEGRATION_UPDATES},
            concurrency = "${readmission.inbox.consumer-concurrency:1}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        IncomingEvents.Reading reading = incoming.read(record);
        if (reading instanceof IncomingEvents.Rejected rejected) {
            log.warn("{}-{}@{} (key {}) dead-lettered: {} {}", record.topic(), record.partition(), record.offset(),
                    record.key(), rejected.code(), rejected.message());
            deadLetters.send(record, rejected.code().name(), rejected.message());
            metrics.received("dead_lettered", "unknown");
            return;
        }
        if (reading instanceof IncomingEvents.NotForTheEngine skipped) {
            log.debug("{}-{}@{} (key {}) not correlated: {}", record.topic(), record.partition(), record.offset(),
                    record.key(), skipped.why());
            metrics.received("not_for_the_engine", skipped.ceType());
            return;
        }
        try {
            inbox.receive(((IncomingEvents.Accepted) reading).event());
        } catch (CaseKeyShreddedException e) {
            String message = Retention.erasedMessage(e.caseId());
            log.warn("{}-{}@{} (key {}) dead-lettered: {} {}", record.topic(), record.partition(), record.offset(),
                    record.key(), Retention.CASE_ERASED, message);
            deadLetters.send(record, Retention.CASE_ERASED, message);
            metrics.received("dead_lettered", "case_erased");
        }
    }
}
