package org.readmission.gateway.validation;

import static org.readmission.events.partner.ReasonCode.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.Person;
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.PersonalDataCorrected;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.workflow.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The checks an application must pass before it becomes a case: parties, dates, country codes, the accelerated
 * procedure's time limit and evidence for every person. Every broken rule is reported, not only the first, so a
 * partner can fix a submission in one go.
 */
@Component
public class ApplicationRules {

    /** Accelerated procedure: application within this many working days of the apprehension (DOMAIN.md). */
    static final int ACCELERATED_SUBMISSION_WORKING_DAYS = 2;

    private final PartyDirectory parties;
    private final Clock clock;

    public ApplicationRules(PartyDirectory parties, Clock clock) {
        this.parties = parties;
        this.clock = clock;
    }

    public List<Violation> check(ReadmissionApplicationSubmitted application, Party sender) {
        List<Violation> violations = new ArrayList<>();
        if (application.getApplicationId().isBlank()) {
            violations.add(Violation.of(MISSING_FIELD, "applicationId", "applicationId is empty: give your own reference of the application"));
        }
        Optional<Party> requested = checkParties(application, sender, violations);
        checkSubmissionTime(application, violations);
        requested.ifPresent(party -> checkProcedure(application, party, violations));
        checkPersons(application, violations);
        return violations;
    }

    private Optional<Party> checkParties(ReadmissionApplicationSubmitted application, Party sender, List<Violation> violations) {
        String requestingCode = application.getRequestingParty().getValue();
        if (!sender.code().equalsIgnoreCase(requestingCode)) {
            violations.add(Violation.of(SENDER_NOT_REQUESTING_PARTY, "requestingParty",
                    "requestingParty is '" + requestingCode + "' but the submission was sent by " + sender.code()
                            + ": a party can only submit its own applications"));
        }
        String requestedCode = application.getRequestedParty().getValue();
        Optional<Party> requested = parties.find(requestedCode);
        if (requested.isEmpty()) {
            violations.add(Violation.of(UNKNOWN_PARTY, "requestedParty",
                    "requestedParty '" + requestedCode + "' is not a party of the agreement; known parties: "
                            + parties.all().stream().map(Party::code).toList()));
        } else if (!parties.acrossTheAgreement(sender, requested.get())) {
            violations.add(Violation.of(SAME_PARTY_COUNTRY, "requestedParty",
                    "an application goes between " + parties.thirdCountry() + " and a Member State; "
                            + sender.code() + " cannot ask " + requested.get().code()));
        }
        return requested;
    }

    private void checkSubmissionTime(ReadmissionApplicationSubmitted application, List<Violation> violations) {
        if (application.getSubmittedAt().isAfter(clock.instant().plusSeconds(300))) {
            violations.add(Violation.of(SUBMISSION_IN_FUTURE, "submittedAt",
                    "submittedAt " + application.getSubmittedAt() + " lies in the future: check the sender's clock"));
        }
    }

    private void checkProcedure(ReadmissionApplicationSubmitted application, Party requested, List<Violation> violations) {
        Apprehension apprehension = application.getApprehension();
        Instant submittedAt = application.getSubmittedAt();
        if (apprehension != null) {
            if (apprehension.getApprehendedAt().isAfter(submittedAt)) {
                violations.add(Violation.of(APPREHENSION_AFTER_SUBMISSION, "apprehension.apprehendedAt",
                        "the apprehension (" + apprehension.getApprehendedAt() + ") must precede the submission (" + submittedAt + ")"));
            }
            checkCountry(apprehension.getCrossedDirectlyFrom(), "apprehension.crossedDirectlyFrom", violations);
        }
        if (application.getProcedure() != ProcedureType.ACCELERATED) {
            return;
        }
        if (apprehension == null) {
            violations.add(Violation.of(ACCELERATED_WITHOUT_APPREHENSION, "apprehension",
                    "the accelerated procedure needs the apprehension (time and place); send a NORMAL application otherwise"));
            return;
        }
        if (!apprehension.getInBorderRegion()) {
            violations.add(Violation.of(ACCELERATED_NOT_IN_BORDER_REGION, "apprehension.inBorderRegion",
                    "the accelerated procedure applies only to persons apprehended in the border region; send a NORMAL application"));
        }
        WorkingDayCalendar calendar = WorkingDayCalendar.ofCountry(requested.country());
        LocalDate apprehended = calendar.dayOf(apprehension.getApprehendedAt());
        LocalDate lastDay = calendar.plusWorkingDays(apprehended, ACCELERATED_SUBMISSION_WORKING_DAYS);
        LocalDate submitted = calendar.dayOf(submittedAt);
        if (submitted.isAfter(lastDay)) {
            violations.add(Violation.of(ACCELERATED_TIME_LIMIT_EXCEEDED, "submittedAt",
                    "the accelerated procedure requires the application within " + ACCELERATED_SUBMISSION_WORKING_DAYS
                            + " working days of the apprehension (" + apprehended + ", last day " + lastDay + " in "
                            + requested.country() + "'s working-day calendar); it was submitted on " + submitted
                            + ": send a NORMAL application"));
        }
    }

    private void checkPersons(ReadmissionApplicationSubmitted application, List<Violation> violations) {
        List<Person> persons = application.getPersons();
        if (persons.isEmpty()) {
            violations.add(Violation.of(NO_PERSONS, "persons", "an application concerns at least one person"));
        }
        LocalDate today = today();
        Set<String> personIds = new HashSet<>();
        for (int i = 0; i < persons.size(); i++) {
            Person person = persons.get(i);
            String at = "persons[" + i + "]";
            if (!personIds.add(person.getPersonId())) {
                violations.add(Violation.of(DUPLICATE_PERSON_ID, at + ".personId", "personId '" + person.getPersonId() + "' is used twice"));
            }
            checkPerson(person, at, today, violations);
        }
    }

    /**
     * A correction of a person's data (PersonalDataCorrected): the corrected record must pass the rules a person of an
     * application passes; whether the case has that person is the caller's check.
     */
    public List<Violation> checkCorrection(PersonalDataCorrected correction) {
        List<Violation> violations = new ArrayList<>();
        checkPerson(correction.getPerson(), "person", today(), violations);
        return violations;
    }

    private void checkPerson(Person person, String at, LocalDate today, List<Violation> violations) {
        if (person.getPersonId().isBlank()) {
            violations.add(Violation.of(MISSING_FIELD, at + ".personId", "personId is empty"));
        }
        if (person.getName().getSurname().isBlank() && person.getName().getGivenNames().isBlank()) {
            violations.add(Violation.of(MISSING_FIELD, at + ".name", "a person needs a surname or given names"));
        }
        if (person.getDateOfBirth().isAfter(today)) {
            violations.add(Violation.of(BIRTH_DATE_IN_FUTURE, at + ".dateOfBirth", "the date of birth " + person.getDateOfBirth() + " lies in the future"));
        }
        checkCountry(person.getClaimedNationality(), at + ".claimedNationality", violations);
        for (int d = 0; d < person.getDocuments().size(); d++) {
            checkDocument(person.getDocuments().get(d), at + ".documents[" + d + "]", violations);
        }
        for (int e = 0; e < person.getEvidence().size(); e++) {
            EvidenceItem item = person.getEvidence().get(e);
            if (item.getDocument() != null) {
                checkDocument(item.getDocument(), at + ".evidence[" + e + "].document", violations);
            }
        }
        if (person.getEvidence().isEmpty() && !person.getInterviewRequested()) {
            violations.add(Violation.of(NO_EVIDENCE_OR_INTERVIEW, at + ".evidence",
                    "person " + person.getPersonId() + " has no evidence of nationality: add an evidence item (Annex 1-4) or set interviewRequested"));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private void checkDocument(DocumentRef document, String at, List<Violation> violations) {
        checkCountry(document.getIssuingCountry(), at + ".issuingCountry", violations);
    }

    private void checkCountry(String code, String field, List<Violation> violations) {
        if (code != null && !CountryCodes.isValid(code)) {
            violations.add(Violation.of(INVALID_COUNTRY_CODE, field,
                    "'" + code + "' is not an ISO 3166-1 alpha-2 country code (e.g. AZ, DE, NL)"));
        }
    }
}
