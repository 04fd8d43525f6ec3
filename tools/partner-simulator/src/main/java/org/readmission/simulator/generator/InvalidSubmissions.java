package org.readmission.simulator.generator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.readmission.events.partner.ReasonCode.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.readmission.events.common.Person;
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;

/**
 * Submissions the gateway must refuse, each breaking one rule the way a partner's system really might (an alpha-3
 * country code, a century typo in a date of birth, the Azerbaijani acronym of the migration service ...), plus a
 * re-sent record (same ce_id: one answer only), a conflicting re-use of an application id, a JSON payload and an
 * application encoded with an unpublished schema.
 */
public final class InvalidSubmissions {

    /** Requested party code a partner might use by mistake: the Azerbaijani acronym of the State Migration Service. */
    public static final String UNKNOWN_PARTY_CODE = "AZ-DMX";

    private final ApplicationGenerator generator;
    private final SubmissionFactory factory;

    public InvalidSubmissions(ApplicationGenerator generator, SubmissionFactory factory) {
        this.generator = generator;
        this.factory = factory;
    }

    /**
     * One of each: the single-rule violations, then the chain original → redelivery → conflicting duplicate (keep it
     * in this order: same key, so same partition), then the undecodable payloads.
     */
    public List<Submission> all() {
        List<Submission> all = new ArrayList<>(singleRuleViolations());
        all.addAll(redeliveryAndConflict());
        all.add(garbage());
        all.add(unknownFingerprint());
        return all;
    }

    public List<Submission> singleRuleViolations() {
        return List.of(noEvidenceOrInterview(), invalidCountryCode(), birthDateInFuture(), apprehensionAfterSubmission(),
                acceleratedWithoutApprehension(), acceleratedNotInBorderRegion(), acceleratedTimeLimitExceeded(),
                unknownParty(), senderNotRequestingParty(), missingApplicationId());
    }

    public Submission noEvidenceOrInterview() {
        ReadmissionApplicationSubmitted base = ownNationals();
        List<Person> persons = new ArrayList<>(base.getPersons());
        int last = persons.size() - 1;
        persons.set(last, Person.newBuilder(persons.get(last)).setEvidence(List.of()).setInterviewRequested(false).build());
        return rejected("no evidence and no interview requested for one person",
                ReadmissionApplicationSubmitted.newBuilder(base).setPersons(persons).build(), NO_EVIDENCE_OR_INTERVIEW);
    }

    public Submission invalidCountryCode() {
        ReadmissionApplicationSubmitted base = ownNationals();
        return rejected("claimed nationality as alpha-3 code AZE", withPerson(base, 0,
                Person.newBuilder(base.getPersons().get(0)).setClaimedNationality("AZE").build()), INVALID_COUNTRY_CODE);
    }

    public Submission birthDateInFuture() {
        ReadmissionApplicationSubmitted base = ownNationals();
        Person person = base.getPersons().get(0);
        return rejected("century typo in a date of birth (" + person.getDateOfBirth().getYear() + " entered as "
                        + person.getDateOfBirth().plusYears(100).getYear() + ")",
                withPerson(base, 0, Person.newBuilder(person).setDateOfBirth(person.getDateOfBirth().plusYears(100)).build()),
                BIRTH_DATE_IN_FUTURE);
    }

    public Submission apprehensionAfterSubmission() {
        ReadmissionApplicationSubmitted base = ownNationals();
        return rejected("apprehension dated the day after the submission",
                ReadmissionApplicationSubmitted.newBuilder(base).setApprehension(apprehension(base,
                        base.getSubmittedAt().plus(Duration.ofDays(1)), false)).build(), APPREHENSION_AFTER_SUBMISSION);
    }

    public Submission acceleratedWithoutApprehension() {
        ReadmissionApplicationSubmitted base = accelerated();
        return rejected("accelerated procedure without apprehension",
                ReadmissionApplicationSubmitted.newBuilder(base).setApprehension(null).build(), ACCELERATED_WITHOUT_APPREHENSION);
    }

    public Submission acceleratedNotInBorderRegion() {
        ReadmissionApplicationSubmitted base = accelerated();
        return rejected("accelerated procedure, apprehended inland",
                ReadmissionApplicationSubmitted.newBuilder(base).setApprehension(apprehension(base,
                        base.getSubmittedAt().minus(Duration.ofDays(1)), false)).build(), ACCELERATED_NOT_IN_BORDER_REGION);
    }

    /** Fifteen days: more than 2 working days even across Novruz or the New Year holidays. */
    public Submission acceleratedTimeLimitExceeded() {
        ReadmissionApplicationSubmitted base = accelerated();
        return rejected("accelerated procedure, apprehended 15 days before",
                ReadmissionApplicationSubmitted.newBuilder(base).setApprehension(apprehension(base,
                        base.getSubmittedAt().minus(Duration.ofDays(15)), true)).build(), ACCELERATED_TIME_LIMIT_EXCEEDED);
    }

    public Submission unknownParty() {
        ReadmissionApplicationSubmitted base = ownNationals();
        return rejected("requested party " + UNKNOWN_PARTY_CODE + " (not a party code)",
                ReadmissionApplicationSubmitted.newBuilder(base).setRequestedParty(Parties.code(UNKNOWN_PARTY_CODE)).build(),
                UNKNOWN_PARTY);
    }

    /** NL-DTV sends an application whose requesting party is DE-BPOL. */
    public Submission senderNotRequestingParty() {
        ReadmissionApplicationSubmitted base = generator.next(new Direction(Parties.DE_BPOL, Parties.AZ_SMS), ProcedureType.NORMAL);
        return factory.of("sent by NL-DTV on behalf of DE-BPOL", base, Parties.NL_DTV,
                Expectation.rejected(SENDER_NOT_REQUESTING_PARTY));
    }

    public Submission missingApplicationId() {
        ReadmissionApplicationSubmitted base = ownNationals();
        return rejected("empty applicationId",
                ReadmissionApplicationSubmitted.newBuilder(base).setApplicationId("").build(), MISSING_FIELD);
    }

    /**
     * A valid application, the very same record again (same ce_id: the gateway must answer once), then a corrected
     * version under the same application id and a new ce_id, which conflicts with the accepted one.
     */
    public List<Submission> redeliveryAndConflict() {
        ReadmissionApplicationSubmitted original = ownNationals();
        Submission first = factory.valid(original);
        Submission redelivery = new Submission("redelivery of the same record (same ce_id)", first.key(), first.value(),
                first.attributes(), first.applicationId(), original, first.expected());
        Person main = original.getPersons().get(0);
        ReadmissionApplicationSubmitted corrected = withPerson(original, 0,
                Person.newBuilder(main).setDateOfBirth(main.getDateOfBirth().plusDays(1)).build());
        Submission conflicting = rejected("same applicationId, different content (corrected date of birth)", corrected,
                CONFLICTING_DUPLICATE);
        return List.of(first, redelivery, conflicting);
    }

    /** JSON instead of Avro: the gateway cannot decode it; it dead-letters it and tells the known sender. */
    public Submission garbage() {
        Direction direction = new Direction(Parties.FR_DGEF, Parties.AZ_SMS);
        String applicationId = generator.nextApplicationId(direction.requesting());
        byte[] json = ("{\"applicationId\":\"" + applicationId + "\",\"requestingParty\":\"FR-DGEF\","
                + "\"requestedParty\":\"AZ-SMS\",\"persons\":[{\"surname\":\"Quliyev\"}]}").getBytes(UTF_8);
        return factory.raw("JSON payload instead of Avro", direction.requesting(), applicationId, json, generator.now(),
                applicationId, Expectation.deadLettered(UNDECODABLE_PAYLOAD));
    }

    /** Avro bytes whose schema fingerprint is not a published one (a locally changed .avsc). */
    public Submission unknownFingerprint() {
        ReadmissionApplicationSubmitted application = generator.next(new Direction(Parties.AT_BFA, Parties.AZ_SMS), ProcedureType.NORMAL);
        byte[] bytes = factory.encode(application);
        for (int i = 2; i < 10; i++) {
            bytes[i] ^= (byte) 0x5A;
        }
        return factory.raw("encoded with an unpublished schema (unknown fingerprint)", Parties.AT_BFA,
                application.getApplicationId(), bytes, application.getSubmittedAt(), application.getApplicationId(),
                Expectation.deadLettered(UNKNOWN_SCHEMA));
    }

    private Submission rejected(String label, ReadmissionApplicationSubmitted application, ReasonCode expected) {
        return factory.rejected(label, application, expected);
    }

    /** A normal application of own nationals from a Member State to AZ-SMS (retried until the category fits). */
    private ReadmissionApplicationSubmitted ownNationals() {
        Direction direction = new Direction(Pick.one(generator.random(), Parties.MEMBER_STATE_AUTHORITIES), Parties.AZ_SMS);
        ReadmissionApplicationSubmitted application;
        do {
            application = generator.next(direction, ProcedureType.NORMAL);
        } while (application.getCategory() != PersonCategory.OWN_NATIONAL);
        return ReadmissionApplicationSubmitted.newBuilder(application).setApprehension(null).build();
    }

    private ReadmissionApplicationSubmitted accelerated() {
        Direction direction = new Direction(Pick.one(generator.random(), Parties.MEMBER_STATE_AUTHORITIES), Parties.AZ_SMS);
        return generator.next(direction, ProcedureType.ACCELERATED);
    }

    private Apprehension apprehension(ReadmissionApplicationSubmitted application, Instant at, boolean borderRegion) {
        String country = Parties.country(application.getRequestingParty().getValue());
        return Apprehension.newBuilder()
                .setApprehendedAt(at)
                .setPlace(borderRegion ? Places.borderRegion(generator.random(), country) : Places.inland(generator.random(), country))
                .setInBorderRegion(borderRegion)
                .setCrossedDirectlyFrom(Parties.country(application.getRequestedParty().getValue()))
                .build();
    }

    private static ReadmissionApplicationSubmitted withPerson(ReadmissionApplicationSubmitted application, int index, Person person) {
        List<Person> persons = new ArrayList<>(application.getPersons());
        persons.set(index, person);
        return ReadmissionApplicationSubmitted.newBuilder(application).setPersons(persons).build();
    }
}
