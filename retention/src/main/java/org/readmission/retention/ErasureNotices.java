package org.readmission.retention;

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

/**
 * Tells each party still pending that this service erased a case's personal data: {@code PersonalDataErased} on the
 * party's notification topic ({@code readmission.partner-notifications.<party>}: both parties of the case and anyone
 * else that received data of it from this service), ce_id deterministic from the case id and the scope, so a notice
 * sent again after a failure is dropped by the reader while each service's notice of the same case stays its own. Each party leaves the outbox once the broker has its notice.
 */
public class ErasureNotices {

    private final EventPublisher publisher;
    private final Retention retention;
    private final PersonalDataHolder holder;

    private final ErasureScope scope;

    ErasureNotices(EventPublisher publisher, Retention retention, PersonalDataHolder holder) {
        this.publisher = publisher;
        this.retention = retention;
        this.holder = holder;
        this.scope = scopeOf(holder);
    }

    private static ErasureScope scopeOf(PersonalDataHolder holder) {
        try {
            return ErasureScope.valueOf(holder.scope());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(holder.getClass().getSimpleName() + " names erasure scope '" + holder.scope()
                    + "', which is not one of " + java.util.Arrays.toString(ErasureScope.values()), e);
        }
    }

    public void send(CaseRetention erased) {
        CaseRetention current = erased;
        for (String party : erased.pendingNotices()) {
            publisher.publish(Topics.partnerNotifications(party), erased.caseId(), ceIdOf(erased.caseId(), scope),
                    notice(erased), erased.erasedAt());
            current = retention.notified(current, party);
        }
    }

    /** The notice's ce_id: the same for every resend, different for each service's scope. */
    public static String ceIdOf(String caseId, ErasureScope scope) {
        return EventIds.deterministic(caseId, "erased:" + scope.name());
    }

    PersonalDataErased notice(CaseRetention erased) {
        return PersonalDataErased.newBuilder()
                .setCaseRef(CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(erased.caseId()).build())
                        .setApplicationId(erased.applicationId() == null ? "" : erased.applicationId())
                        .setRequestingParty(party(erased.requestingParty()))
                        .setRequestedParty(party(erased.requestedParty())).build())
                .setOccurredAt(erased.erasedAt()).setErasedAt(erased.erasedAt())
                .setReason(ErasureReason.RETENTION_EXPIRED).setScope(List.of(scope))
                .setPersonIds(erased.erasedPersonIds()).setRetentionEndedAt(erased.retainUntil())
                .setNote("The readmission system erased " + holder.erasedWhat()
                        + " at the end of its retention period (" + erased.rule() + ")."
                        + " If you received personal data of this case from the readmission system,"
                        + " erase it too; keep only the ids.")
                .build();
    }

    private static PartyCode party(String code) {
        return PartyCode.newBuilder().setValue(code).build();
    }
}
