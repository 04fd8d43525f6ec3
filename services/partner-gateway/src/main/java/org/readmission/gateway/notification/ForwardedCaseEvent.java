package org.readmission.gateway.notification;

import java.time.Instant;
import java.util.List;

import org.readmission.gateway.outbox.OutboxCarrier;
import org.readmission.gateway.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case event the gateway passed on to the parties concerned (or to the DLT when it could not be read), keyed by
 * {@code ce:<source>:<ce_id>} so that a redelivery forwards nothing twice. Written once.
 *
 * @param recipients party codes the event went to
 */
@Document("forwarded_case_events")
public record ForwardedCaseEvent(@Id String id, String caseId, String type, List<String> recipients, Instant forwardedAt,
                                 String kafkaPosition, List<OutboxMessage> outbox) implements OutboxCarrier {
}
