package org.readmission.gateway.outbox;

import java.util.List;

/** A stored document that carries the messages its change caused. */
public interface OutboxCarrier {

    List<OutboxMessage> outbox();
}
