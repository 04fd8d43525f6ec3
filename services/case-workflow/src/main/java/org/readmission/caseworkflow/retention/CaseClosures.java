package org.readmission.caseworkflow.retention;

import java.util.List;

import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.CaseClosed;
import org.readmission.messaging.EventPublisher.WireEvent;
import org.readmission.retention.CaseClosure;
import org.readmission.retention.Retention;
import org.springframework.stereotype.Component;

/**
 * The retention period of a case starts when its {@code CaseClosed} is published: the case-event relay hands every
 * batch here before sending it, so a closure is recorded once the event is certain to go out (again, if the send
 * fails; {@link Retention#caseClosed} is idempotent by ce_id).
 */
@Component
public class CaseClosures {

    private final Retention retention;
    private final AvroCodec codec;
    private final String caseClosedType;

    CaseClosures(Retention retention, AvroCodec codec, EventCatalog catalog) {
        this.retention = retention;
        this.codec = codec;
        this.caseClosedType = catalog.of(CaseClosed.class).ceType();
    }

    public void recordClosures(List<WireEvent> events) {
        for (WireEvent event : events) {
            if (caseClosedType.equals(event.ceType())) {
                retention.caseClosed(event.ceId(), CaseClosure.of(decode(event)));
            }
        }
    }

    private CaseClosed decode(WireEvent event) {
        try {
            return (CaseClosed) codec.decode(event.payload());
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("case " + event.key() + ": the CaseClosed this service wrote does not decode", e);
        }
    }
}
