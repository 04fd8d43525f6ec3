package org.readmission.gateway.outbox;

import java.util.List;

/** A stored document that carries messages to publish. */
public interface OutboxCarrier {

    String id();

    List<OutboxMessage> outbox();
}
