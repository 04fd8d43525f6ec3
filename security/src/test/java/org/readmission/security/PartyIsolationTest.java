package org.readmission.security;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartyIsolationTest {

    @Test
    void showsCaseToOfficersOfTheRequestingAndTheRequestedParty() {
        assertThat(PartyIsolation.canSee(person("DE-BPOL", Role.CASE_OFFICER), "DE-BPOL", "AZ-SMS")).isTrue();
        assertThat(PartyIsolation.canSee(person("AZ-SMS", Role.CONSULAR_OFFICER), "DE-BPOL", "AZ-SMS")).isTrue();
        assertThat(PartyIsolation.canSee(person("az-sms", Role.SUPERVISOR), "DE-BPOL", "AZ-SMS")).isTrue();
    }

    @Test
    void hidesCaseFromOtherParties() {
        assertThat(PartyIsolation.canSee(person("NL-DTV", Role.CASE_OFFICER), "DE-BPOL", "AZ-SMS")).isFalse();
        assertThat(PartyIsolation.canSee(person(null, Role.SUPERVISOR), "DE-BPOL", "AZ-SMS")).isFalse();
    }

    @Test
    void hidesCaseFromCallersWithoutARole() {
        assertThat(PartyIsolation.canSee(person("DE-BPOL"), "DE-BPOL", "AZ-SMS")).isFalse();
    }

    @Test
    void showsProvidersTheirReferralsOnly() {
        ReadmissionPrincipal provider = person("IOM-AZ", Role.REINTEGRATION_PROVIDER);

        assertThat(PartyIsolation.canSee(provider, "IOM-AZ", "AZ-SMS")).isFalse();
        assertThat(PartyIsolation.canSeeReferral(provider, "IOM-AZ")).isTrue();
        assertThat(PartyIsolation.canSeeReferral(provider, "AZ-SMS-RU")).isFalse();
        assertThat(PartyIsolation.canSeeReferral(person("IOM-AZ", Role.CASE_OFFICER), "IOM-AZ")).isFalse();
    }

    private static ReadmissionPrincipal person(String party, Role... roles) {
        return new ReadmissionPrincipal("someone", party, Set.of(roles), ReadmissionPrincipal.Kind.PERSON);
    }
}
