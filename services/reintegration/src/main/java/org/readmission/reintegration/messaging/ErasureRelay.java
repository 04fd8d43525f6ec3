package org.readmission.reintegration.messaging;

import java.util.List;

import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.ErasureReason;
import org.readmission.events.partner.ErasureScope;
import org.readmission.events.partner.PersonalDataErased;
import org.readmission.messaging.EventPublisher;
import org.readmission.reintegration.retention.CaseRetention;
import org.readmission.reintegration.retention.ErasureNotices;
import org.readmission.reintegration.retention.Retention;
import org.springframework.stereotype.Component;

/**
 * Tells each party still pending that this service erased a case's personal data: {@code PersonalDataErased} on the
 * party's notification topic ({@code readmission.partner-notifications.<party>}: both parties of the case and every
 * provider that received data of it), ce_id deterministic from the case id and "erased", so a notice sent again
 * after a failure is dropped by the reader. Each party leaves the outbox once the broker has its notice.
 */
@Component
class ErasureRelay implements ErasureNotices {

    private final EventPublisher publisher;
    private final Retention retention;

    ErasureRelay(EventPublisher publisher, Retention retention) {
        this.publisher = publisher;
        this.retention = retention;
    }

    @Override
    public void send(CaseRetention erased) {
        CaseRetention current = erased;
        for (String party : erased.pendingNotices()) {
            publisher.publish(Topics.partnerNotifications(party), erased.caseId(), ceIdOf(erased.caseId()),
                    notice(erased), erased.erasedAt());
            current = retention.notified(current, party);
        }
    }

    static String ceIdOf(String caseId) {
        return EventIds.deterministic(caseId, "erased");
    }

    static PersonalDataErased notice(CaseRetention erased) {
        return PersonalDataErased.newBuilder()
                .setCaseRef(CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(erased.caseId()).build())
                        .setApplicationId(erased.applicationId() == null ? "" : erased.applicationId())
                        .setRequestingParty(party(erased.requestingParty()))
                        .setRequestedParty(party(erased.requestedParty())).build())
                .setOccurredAt(erased.erasedAt()).setErasedAt(erased.erasedAt())
                .setReason(ErasureReason.RETENTION_EXPIRED).setScope(List.of(ErasureScope.REINTEGRATION))
                .setPersonIds(erased.erasedPersonIds()).setRetentionEndedAt(erased.retainUntil())
                .setNote("The reintegration service erased the referrals of this case at the end of its retention period ("
                        + erased.rule() + "). If you received personal data of this case from the readmission system,"
                        + " erase it too; keep only the ids.")
                .build();
    }

    private static PartyCode party(String code) {
        return PartyCode.newBuilder().setValue(code).build();
    }
}
