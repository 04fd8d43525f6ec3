package org.readmission.caseworkflow.inbox;

import java.time.Instant;

import org.readmission.protection.CaseKeys;
import org.readmission.protection.SensitiveField;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The events kept in the inbox carry personal data (an application: names, documents, fingerprint templates), so
 * their payload is sealed under the case's key (associated data = case + entry + field) and gone for good once the
 * case's key is shredded at the end of its retention period; {@link #erase} then removes the ciphertext too.
 */
@Component
class InboxPayloads {

    private static final SensitiveField PAYLOAD = () -> "payload";

    private final CaseKeys keys;
    private final MongoTemplate mongo;

    InboxPayloads(CaseKeys keys, MongoTemplate mongo) {
        this.keys = keys;
        this.mongo = mongo;
    }

    /** The event as the inbox stores it; a case whose key is shredded refuses it (CaseKeyShreddedException). */
    IncomingEvent sealed(IncomingEvent event) {
        return new IncomingEvent(event.ceId(), event.ceSource(), event.ceType(), event.messageName(), event.caseId(),
                event.requestingParty(), event.requestedParty(), event.origin(),
                keys.encrypt(event.caseId(), InboxEntry.idOf(event.ceSource(), event.ceId()), event.payload(), PAYLOAD));
    }

    /** The payload as the event carried it. */
    byte[] open(InboxEntry entry) {
        if (entry.payload() == null) {
            throw new IllegalStateException("inbox entry " + entry.id() + " was erased with its case");
        }
        return keys.decrypt(entry.caseId(), entry.id(), entry.payload(), PAYLOAD);
    }

    /** The case's retention period is over: its entries keep ids, states and dates only. */
    void erase(String caseId, Instant at) {
        mongo.updateMulti(Query.query(Criteria.where("caseId").is(caseId).and("payload").ne(null)),
                new Update().unset("payload").set("erasedAt", at), InboxEntry.class);
    }
}
