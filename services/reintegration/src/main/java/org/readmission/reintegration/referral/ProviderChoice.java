package org.readmission.reintegration.referral;

import java.util.Optional;

import org.readmission.reintegration.provider.Provider;
import org.readmission.reintegration.provider.ProviderRegistry;
import org.readmission.workflow.ProviderRouting;
import org.springframework.stereotype.Component;

/**
 * Chooses the provider of a referral: the candidates of DMN {@code ReintegrationProviderRouting} in order, without the
 * providers already tried, keeping those in the registry that cover the region, offer one of the needs and have room.
 */
@Component
class ProviderChoice {

    private final ProviderRouting routing = ProviderRouting.fromClasspath();
    private final ProviderRegistry registry;
    private final Referrals referrals;

    ProviderChoice(ProviderRegistry registry, Referrals referrals) {
        this.registry = registry;
        this.referrals = referrals;
    }

    Optional<String> choose(ReferralRequest request, Referral referral) {
        String country = request.returnCountry();
        String priority = request.priority() == null ? "STANDARD" : request.priority();
        return routing.candidates(country, request.region(), priority, request.needs()).stream()
                .filter(code -> !referral.triedProviders().contains(code))
                .map(registry::find).flatMap(Optional::stream)
                .filter(provider -> provider.covers(country, request.region()))
                .filter(provider -> provider.offersAnyOf(request.needs()))
                .filter(this::hasRoom)
                .map(Provider::code)
                .findFirst();
    }

    private boolean hasRoom(Provider provider) {
        return referrals.countByProviderAndStateIn(provider.code(), ReferralState.OPEN) < provider.capacity();
    }
}
