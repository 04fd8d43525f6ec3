package org.readmission.gateway.retention;

import java.util.List;

import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.CaseClosed;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.retention.CaseClosure;
import org.readmission.retention.Retention;
import org.springframework.stereotype.Component;

/**
 * The closures among the case events read on {@code readmission.case-events}: each {@code CaseClosed} starts the
 * case's retention period here ({@link Retention#caseClosed}, once per ce_id, so a redelivered batch changes nothing).
 * Undecodable records are dead-lettered by the forwarding, not here. A failure to record one fails the batch, which
 * is then delivered again (the forwarding re-publishes what it stored under the same ce_ids).
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

    /** Records the closures of a batch; returns how many case events of it were closures. */
    public int recordAll(List<InboundRecord> batch) {
        int closures = 0;
        for (InboundRecord in : batch) {
            if (!caseClosedType.equals(in.attributes().type())) {
                continue;
            }
            try {
                if (codec.decode(in.value()) instanceof CaseClosed closed) {
                    String ceId = in.attributes().id() == null || in.attributes().id().isBlank() ? in.dedupKey() : in.attributes().id();
                    retention.caseClosed(ceId, CaseClosure.of(closed));
                    closures++;
                }
            } catch (UndecodableEventException e) {
                // dead-lettered with its reason by the forwarding
            }
        }
        return closures;
    }
}
