package org.readmission.retention;

import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.CaseClosed;

/**
 * Finds the closures among case events as they are on the wire (ce_type + Avro payload) and starts each case's
 * retention period ({@link Retention#caseClosed}, once per ce_id): for a service that handles case events as bytes
 * (the case workflow's relay, the gateway's forwarding) rather than decoded.
 */
public class CaseClosures {

    private final Retention retention;
    private final AvroCodec codec;
    private final String caseClosedType;

    CaseClosures(Retention retention, AvroCodec codec, EventCatalog catalog) {
        this.retention = retention;
        this.codec = codec;
        this.caseClosedType = catalog.of(CaseClosed.class).ceType();
    }

    /**
     * Records the closure if the event is a {@code CaseClosed}; returns whether it was.
     *
     * @throws UndecodableEventException a record of the closure's type that does not decode (the caller dead-letters
     *                                   it or fails, as it does with any undecodable record)
     */
    public boolean record(String ceId, String ceType, byte[] payload) throws UndecodableEventException {
        if (!caseClosedType.equals(ceType) || !(codec.decode(payload) instanceof CaseClosed closed)) {
            return false;
        }
        retention.caseClosed(ceId, CaseClosure.of(closed));
        return true;
    }
}
