package org.readmission.reintegration.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.readmission.retention.PersonalDataHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What happens to a referral, one event at a time. Each method is idempotent by the event's ce_id (kept in the
 * referral's document) and saves the state and the events to publish in one write; the caller relays
 * {@link Referral#pending()} afterwards and reports back with {@link #relayed}.
 */
@Service
public class ReferralDesk implements PersonalDataHolder {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralDesk.class);

    private final Referrals referrals;
    private final ProviderChoice choice;

    ReferralDesk(Referrals referrals, ProviderChoice choice) {
        this.referrals = referrals;
        this.choice = choice;
    }

    /** Outcome of a provider's report: applied, or refused with a reason code for the dead-letter topic. */
    public sealed interface Reported permits Reported.Applied, Reported.Refused {
        record Applied(Referral referral) implements Reported {
        }

        record Refused(String reasonCode, String message) implements Reported {
        }
    }

    public Referral requested(String ceId, ReferralRequest request, Instant at) {
        Referral referral = referrals.findById(Referral.idOf(request.caseId(), request.personId()))
                .orElseGet(() -> Referral.of(request));
        if (referral.handled(ceId)) {
            return referral;
        }
        referral.markHandled(ceId);
        if (referral.takes(request)) {
            Optional<String> provider = choice.choose(request, referral);
            referral.offerTo(provider, at);
            LOG.info("Case {}: referral attempt {} offered to {}", request.caseId(), request.attempt(),
                    provider.orElse("no provider (none with capacity left)"));
        } else {
            LOG.info("Case {}: referral attempt {} already handled or no longer open, ignored", request.caseId(), request.attempt());
        }
        return referrals.save(referral);
    }

    public Reported reported(String ceId, String sender, String caseId, String personId, String stage, String note,
                             Instant at) {
        Optional<Referral> found = referrals.findById(Referral.idOf(caseId, personId));
        if (found.isEmpty()) {
            return new Reported.Refused("UNKNOWN_CASE", "no reintegration referral for case " + caseId
                    + " and this person: report only on referrals offered to you (ReintegrationReferralOffered)");
        }
        Referral referral = found.get();
        if (referral.handled(ceId)) {
            return new Reported.Applied(referral);
        }
        if (referral.erased()) {
            return new Reported.Refused("CASE_ERASED", "the personal data of case " + caseId
                    + " was erased after its retention period (PersonalDataErased); nothing is kept for it");
        }
        if (!sender.equals(referral.provider())) {
            return new Reported.Refused("SENDER_NOT_ALLOWED", "ce_source " + sender
                    + " is not the provider this referral is offered to; only that provider may report on it");
        }
        referral.markHandled(ceId);
        if ("CONSENT_WITHDRAWN".equals(stage)) {
            referral.withdrawConsent(true, at);
        } else {
            referral.record(stage, note, at);
        }
        LOG.info("Case {}: provider {} reported {}", caseId, sender, stage);
        return new Reported.Applied(referrals.save(referral));
    }

    public Referral consentWithdrawn(String ceId, String caseId, String personId, Instant at) {
        Referral referral = referrals.findById(Referral.idOf(caseId, personId))
                .orElseGet(() -> Referral.of(new ReferralRequest(caseId, null, null, null, personId, 0, null,
                        java.util.List.of(), java.util.List.of(), null)));
        if (referral.handled(ceId)) {
            return referral;
        }
        referral.markHandled(ceId);
        referral.withdrawConsent(false, at);
        LOG.info("Case {}: consent to reintegration withdrawn, data restricted", caseId);
        return referrals.save(referral);
    }

    public Optional<Referral> closed(String ceId, String caseId, String personId, String outcome, Instant at) {
        return referrals.findById(Referral.idOf(caseId, personId)).map(referral -> {
            if (referral.handled(ceId)) {
                return referral;
            }
            referral.markHandled(ceId);
            referral.close(outcome, at);
            return referrals.save(referral);
        });
    }

    /** The persons referred for the case, and every provider that was offered one of them. */
    @Override
    public Holdings holdingsOf(String caseId) {
        List<Referral> ofCase = referrals.findByCaseIdOrderByPersonId(caseId);
        if (ofCase.isEmpty()) {
            return Holdings.nothing();
        }
        Set<String> providers = new TreeSet<>();
        ofCase.forEach(referral -> {
            providers.addAll(referral.triedProviders());
            if (referral.provider() != null) {
                providers.add(referral.provider());
            }
        });
        return Holdings.of(ofCase.stream().map(Referral::personId).toList(), List.copyOf(providers));
    }

    @Override
    public String scope() {
        return "REINTEGRATION";
    }

    @Override
    public String erasedWhat() {
        return "the reintegration referrals of this case";
    }

    /**
     * The case's retention period is over: every referral of the case keeps only its ids (see {@link Referral#erase}).
     * Idempotent; works as well after the case key was shredded.
     */
    @Override
    public void erase(String caseId, Instant at) {
        for (Referral referral : referrals.findByCaseId(caseId)) {
            if (!referral.erased()) {
                referral.erase(at);
                referrals.save(referral);
            }
        }
        LOG.info("Case {}: referrals erased (retention period over)", caseId);
    }

    /** The event is on Kafka: it leaves the referral's outbox. */
    public Referral relayed(Referral referral, PendingEvent event) {
        referral.relayed(event);
        return referrals.save(referral);
    }

    public java.util.List<Referral> ofCase(String caseId) {
        return referrals.findByCaseIdOrderByPersonId(caseId);
    }
}
