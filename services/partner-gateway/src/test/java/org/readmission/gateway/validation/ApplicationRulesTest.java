package org.readmission.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readmission.events.partner.ReasonCode.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;
import org.readmission.gateway.Applications;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.gateway.party.PartyRole;

class ApplicationRulesTest {

    private static final ZoneId BAKU = ZoneId.of("Asia/Baku");
    private static final Party DE_BPOL = new Party("DE-BPOL", "Bundespolizei", "DE", PartyRole.COMPETENT_AUTHORITY, Set.of());
    private static final Party AZ_SMS = new Party("AZ-SMS", "State Migration Service", "AZ", PartyRole.CENTRAL_AUTHORITY, Set.of());
    private static final Party NL_DTV = new Party("NL-DTV", "DT&V", "NL", PartyRole.COMPETENT_AUTHORITY, Set.of());

    private final ApplicationRules rules = rulesAt(Instant.now());

    @Test
    void acceptsFamilyWithProofPrimaFacieAndInterview() {
        assertThat(rules.check(Applications.familyOfThree("A-1").build(), DE_BPOL)).isEmpty();
    }

    @Test
    void acceptsReverseDirectionAzerbaijanAskingAMemberState() {
        var application = Applications.familyOfThree("AZ-1").setRequestingParty(Applications.party("AZ-SMS"))
                .setRequestedParty(Applications.party("NL-DTV")).build();
        assertThat(rules.check(application, AZ_SMS)).isEmpty();
    }

    @Test
    void rejectsApplicationBetweenTwoMemberStates() {
        var application = Applications.familyOfThree("A-2").setRequestedParty(Applications.party("NL-DTV")).build();
        assertThat(codes(rules.check(application, DE_BPOL))).containsExactly(SAME_PARTY_COUNTRY);
    }

    @Test
    void rejectsUnknownRequestedPartyAndForeignRequestingParty() {
        var application = Applications.familyOfThree("A-3").setRequestingParty(Applications.party("NL-DTV"))
                .setRequestedParty(Applications.party("AZ-XYZ")).build();
        assertThat(codes(rules.check(application, DE_BPOL))).containsExactlyInAnyOrder(SENDER_NOT_REQUESTING_PARTY, UNKNOWN_PARTY);
    }

    @Test
    void rejectsPersonWithoutEvidenceOrInterviewAndReportsEveryBrokenRule() {
        var builder = Applications.familyOfThree("A-4");
        var persons = new java.util.ArrayList<>(builder.getPersons());
        persons.set(2, org.readmission.events.common.Person.newBuilder(persons.get(2)).setInterviewRequested(false)
                .setDateOfBirth(LocalDate.now().plusYears(1)).setClaimedNationality("XX").build());
        var violations = rules.check(builder.setPersons(persons).build(), DE_BPOL);
        assertThat(codes(violations)).containsExactlyInAnyOrder(NO_EVIDENCE_OR_INTERVIEW, BIRTH_DATE_IN_FUTURE, INVALID_COUNTRY_CODE);
        assertThat(violations).extracting(Violation::field).contains("persons[2].evidence", "persons[2].dateOfBirth", "persons[2].claimedNationality");
    }

    @Test
    void rejectsApprehensionAfterSubmission() {
        var builder = Applications.acceleratedAtBorder("A-5");
        builder.getApprehension().setApprehendedAt(builder.getSubmittedAt().plusSeconds(3600));
        assertThat(codes(rules.check(builder.build(), DE_BPOL))).containsExactly(APPREHENSION_AFTER_SUBMISSION);
    }

    @Test
    void rejectsAcceleratedProcedureWithoutApprehensionOrOutsideTheBorderRegion() {
        var without = Applications.familyOfThree("A-6").setProcedure(ProcedureType.ACCELERATED).build();
        assertThat(codes(rules.check(without, DE_BPOL))).containsExactly(ACCELERATED_WITHOUT_APPREHENSION);

        var inland = Applications.acceleratedAtBorder("A-7");
        inland.getApprehension().setInBorderRegion(false);
        assertThat(codes(rules.check(inland.build(), DE_BPOL))).containsExactly(ACCELERATED_NOT_IN_BORDER_REGION);
    }

    /**
     * Apprehended on Thursday 19 March 2026. Nowruz (20-24 March) is a public holiday in Azerbaijan, the requested
     * state, so the two working days are Wednesday 25 and Thursday 26 March; with weekends only it would be Monday 23.
     */
    @Test
    void countsTheAcceleratedTimeLimitInTheRequestedStatesWorkingDays() {
        Instant apprehended = ZonedDateTime.of(2026, 3, 19, 10, 0, 0, 0, BAKU).toInstant();
        Instant lastDay = ZonedDateTime.of(2026, 3, 26, 17, 0, 0, 0, BAKU).toInstant();
        Instant dayAfter = ZonedDateTime.of(2026, 3, 27, 9, 0, 0, 0, BAKU).toInstant();

        assertThat(rulesAt(lastDay).check(accelerated(apprehended, lastDay), DE_BPOL)).isEmpty();
        List<Violation> late = rulesAt(dayAfter).check(accelerated(apprehended, dayAfter), DE_BPOL);
        assertThat(codes(late)).containsExactly(ACCELERATED_TIME_LIMIT_EXCEEDED);
        assertThat(late.get(0).message()).contains("last day 2026-03-26");
    }

    @Test
    void rejectsSubmissionTimeInTheFuture() {
        var application = Applications.familyOfThree("A-8").setSubmittedAt(Instant.now().plusSeconds(3600)).build();
        assertThat(codes(rules.check(application, DE_BPOL))).containsExactly(SUBMISSION_IN_FUTURE);
    }

    private static ReadmissionApplicationSubmitted accelerated(Instant apprehended, Instant submitted) {
        return Applications.familyOfThree("ACC").setProcedure(ProcedureType.ACCELERATED).setSubmittedAt(submitted)
                .setApprehension(Apprehension.newBuilder().setApprehendedAt(apprehended).setPlace("Görlitz")
                        .setInBorderRegion(true).setCrossedDirectlyFrom("AZ").build())
                .build();
    }

    private static ApplicationRules rulesAt(Instant now) {
        PartyDirectory parties = new PartyDirectory("AZ", List.of(DE_BPOL, AZ_SMS, NL_DTV));
        return new ApplicationRules(parties, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<ReasonCode> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }
}
