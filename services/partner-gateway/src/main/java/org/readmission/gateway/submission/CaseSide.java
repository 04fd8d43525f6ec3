package org.readmission.gateway.submission;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.partner.ApplicationWithdrawn;
import org.readmission.events.partner.EvidenceSubmitted;
import org.readmission.events.partner.PersonalDataCorrected;
import org.readmission.events.partner.ProtectionConcernRaised;
import org.readmission.events.partner.ReadmissionDecisionSubmitted;
import org.readmission.events.partner.ReplyExtensionRequested;
import org.readmission.events.partner.TransferConfirmed;
import org.readmission.events.partner.TransferProposed;

/** Which side of a case may send which message (the agreement's division of work). */
enum CaseSide {
    REQUESTING,
    REQUESTED,
    EITHER;

    private static final Map<Class<? extends SpecificRecord>, CaseSide> SENDERS = Map.of(
            EvidenceSubmitted.class, REQUESTING,
            TransferProposed.class, REQUESTING,
            ApplicationWithdrawn.class, REQUESTING,
            ReadmissionDecisionSubmitted.class, REQUESTED,
            ReplyExtensionRequested.class, REQUESTED,
            TransferConfirmed.class, REQUESTED,
            ProtectionConcernRaised.class, EITHER,
            // the party that sent a person's data corrects it: the requesting party sent the application
            PersonalDataCorrected.class, REQUESTING);

    static CaseSide allowedToSend(Class<? extends SpecificRecord> type) {
        CaseSide side = SENDERS.get(type);
        if (side == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not a message about an existing case");
        }
        return side;
    }

    boolean admits(boolean senderIsRequesting, boolean senderIsRequested) {
        return switch (this) {
            case REQUESTING -> senderIsRequesting;
            case REQUESTED -> senderIsRequested;
            case EITHER -> senderIsRequesting || senderIsRequested;
        };
    }
}
