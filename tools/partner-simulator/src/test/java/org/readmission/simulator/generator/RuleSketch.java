package org.readmission.simulator.generator;

import static org.readmission.events.partner.ReasonCode.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.Person;
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;

/**
 * The gateway's content rules as far as a test of the generator needs them (the gateway's ApplicationRules is the
 * authority): which reason codes an application would earn. Working days are approximated from both sides: within
 * 2 calendar days is always within 2 working days, and beyond 10 calendar days never is.
 */
final class RuleSketch {

    private static final Set<String> ISO = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private RuleSketch() {
    }

    static Set<ReasonCode> violations(ReadmissionApplicationSubmitted application, String sender, LocalDate today) {
        Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
        if (application.getApplicationId().isBlank()) {
            codes.add(MISSING_FIELD);
        }
        String requesting = application.getRequestingParty().getValue();
        String requested = application.getRequestedParty().getValue();
        if (!sender.equals(requesting)) {
            codes.add(SENDER_NOT_REQUESTING_PARTY);
        }
        if (!Parties.ALL.contains(requested)) {
            codes.add(UNKNOWN_PARTY);
        } else {
            if (Parties.isAzerbaijani(sender) == Parties.isAzerbaijani(requested)) {
                codes.add(SAME_PARTY_COUNTRY);
            }
            procedure(application, codes);
        }
        Set<String> ids = new HashSet<>();
        if (application.getPersons().isEmpty()) {
            codes.add(NO_PERSONS);
        }
        for (Person person : application.getPersons()) {
            if (!ids.add(person.getPersonId())) {
                codes.add(DUPLICATE_PERSON_ID);
            }
            if (person.getDateOfBirth().isAfter(today)) {
                codes.add(BIRTH_DATE_IN_FUTURE);
            }
            country(person.getClaimedNationality(), codes);
            person.getDocuments().forEach(d -> country(d.getIssuingCountry(), codes));
            for (EvidenceItem item : person.getEvidence()) {
                DocumentRef document = item.getDocument();
                if (document != null) {
                    country(document.getIssuingCountry(), codes);
                }
            }
            if (person.getEvidence().isEmpty() && !person.getInterviewRequested()) {
                codes.add(NO_EVIDENCE_OR_INTERVIEW);
            }
        }
        return codes;
    }

    static LocalDate today(ApplicationGenerator generator) {
        return LocalDate.ofInstant(generator.now(), ZoneOffset.UTC);
    }

    private static void procedure(ReadmissionApplicationSubmitted application, Set<ReasonCode> codes) {
        Apprehension apprehension = application.getApprehension();
        if (apprehension != null) {
            if (apprehension.getApprehendedAt().isAfter(application.getSubmittedAt())) {
                codes.add(APPREHENSION_AFTER_SUBMISSION);
            }
            country(apprehension.getCrossedDirectlyFrom(), codes);
        }
        if (application.getProcedure() != ProcedureType.ACCELERATED) {
            return;
        }
        if (apprehension == null) {
            codes.add(ACCELERATED_WITHOUT_APPREHENSION);
            return;
        }
        if (!apprehension.getInBorderRegion()) {
            codes.add(ACCELERATED_NOT_IN_BORDER_REGION);
        }
        Duration before = Duration.between(apprehension.getApprehendedAt(), application.getSubmittedAt());
        if (before.compareTo(Duration.ofDays(10)) > 0) {
            codes.add(ACCELERATED_TIME_LIMIT_EXCEEDED);
        } else if (before.compareTo(Duration.ofDays(2)) > 0) {
            throw new AssertionError("between 2 and 10 days: depends on the holiday calendar, the generator must avoid it");
        }
    }

    private static void country(String code, Set<ReasonCode> codes) {
        if (code != null && !ISO.contains(code)) {
            codes.add(INVALID_COUNTRY_CODE);
        }
    }
}
