package org.readmission.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonRole;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;

class ApplicationGeneratorTest {

    private static final Instant NOW = Instant.parse("2025-03-21T09:30:00Z"); // during Novruz holidays
    private static final Set<String> ISO = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private static List<ReadmissionApplicationSubmitted> generate(long seed, String runTag, Instant now, int count) {
        ApplicationGenerator generator = new ApplicationGenerator(seed, runTag, now);
        List<ReadmissionApplicationSubmitted> applications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            applications.add(generator.next());
        }
        return applications;
    }

    @Test
    void everyValidApplicationKeepsTheInvariants() {
        for (long seed : new long[] {1, 2, 3}) {
            ApplicationGenerator generator = new ApplicationGenerator(seed, "TEST", NOW);
            SubmissionFactory factory = new SubmissionFactory("TEST");
            LocalDate today = RuleSketch.today(generator);
            for (int i = 0; i < 200; i++) {
                ReadmissionApplicationSubmitted application = generator.next();
                Submission submission = factory.valid(application);
                String where = application.getApplicationId();

                assertThat(submission.sender()).as(where).isEqualTo(application.getRequestingParty().getValue());
                assertThat(submission.key()).isEqualTo(application.getApplicationId());
                assertThat(submission.expected().valid()).isTrue();
                assertThat(application.getPersons().stream().filter(p -> p.getRole() == PersonRole.MAIN_PERSON))
                        .as(where + " main persons").hasSize(1);
                assertThat(application.getPersons()).hasSizeBetween(1, 5);
                for (Person person : application.getPersons()) {
                    assertThat(!person.getEvidence().isEmpty() || person.getInterviewRequested())
                            .as(where + " " + person.getPersonId() + " has evidence or an interview").isTrue();
                    assertThat(person.getDateOfBirth()).as(where).isBefore(today);
                    if (person.getClaimedNationality() != null) {
                        assertThat(ISO).contains(person.getClaimedNationality());
                    }
                    person.getDocuments().forEach(d -> assertThat(ISO).as(where).contains(d.getIssuingCountry()));
                    person.getEvidence().stream().filter(e -> e.getDocument() != null)
                            .forEach(e -> assertThat(ISO).contains(e.getDocument().getIssuingCountry()));
                }
                if (application.getApprehension() != null && application.getApprehension().getCrossedDirectlyFrom() != null) {
                    assertThat(ISO).contains(application.getApprehension().getCrossedDirectlyFrom());
                }
                assertThat(RuleSketch.violations(application, submission.sender(), today)).as(where).isEmpty();
            }
        }
    }

    @Test
    void twoHundredApplicationsShowEveryEvidenceClassDirectionAndShape() {
        List<ReadmissionApplicationSubmitted> applications = generate(11, "TEST", NOW, 200);
        List<Person> persons = applications.stream().flatMap(a -> a.getPersons().stream()).toList();
        List<EvidenceItem> evidence = persons.stream().flatMap(p -> p.getEvidence().stream()).toList();

        assertThat(evidence.stream().map(EvidenceItem::getAnnexClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(AnnexClass.values());
        assertThat(evidence.stream().map(EvidenceItem::getKind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(EvidenceKind.values());
        assertThat(persons).anyMatch(p -> p.getEvidence().isEmpty() && p.getInterviewRequested());
        assertThat(applications.stream().map(ReadmissionApplicationSubmitted::getCategory).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(PersonCategory.values());
        assertThat(applications).anyMatch(a -> a.getProcedure() == ProcedureType.ACCELERATED
                && a.getApprehension() != null && a.getApprehension().getInBorderRegion());
        assertThat(applications).anyMatch(a -> a.getRequestingParty().getValue().equals(Parties.AZ_SMS));
        assertThat(applications).anyMatch(a -> a.getRequestedParty().getValue().equals(Parties.AZ_SMS));
        Set<Integer> familySizes = applications.stream().map(a -> a.getPersons().size()).collect(Collectors.toSet());
        assertThat(familySizes).contains(1, 2, 3, 4, 5);
        assertThat(persons).anyMatch(p -> p.getRole() == PersonRole.SPOUSE);
        assertThat(persons).anyMatch(p -> p.getRole() == PersonRole.CHILD);
        String names = persons.stream().map(p -> p.getName().getGivenNames() + " " + p.getName().getSurname()
                + " " + p.getName().getPatronymic()).collect(Collectors.joining(" "));
        for (String letter : List.of("ə", "ş", "ç", "ğ", "ı", "ö", "ü", "oğlu", "qızı")) {
            assertThat(names).contains(letter);
        }
        assertThat(persons).anyMatch(p -> p.getName().getNativeScript() != null
                && p.getName().getNativeScript().codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC));
    }

    @Test
    void theGeneratorIsDeterministicForASeedAndRunTag() {
        AvroCodec codec = new AvroCodec(EventCatalog.v1());
        List<byte[]> first = generate(5, "RUN1", NOW, 50).stream().map(codec::encode).toList();
        List<byte[]> again = generate(5, "RUN1", NOW, 50).stream().map(codec::encode).toList();
        List<byte[]> otherSeed = generate(6, "RUN1", NOW, 50).stream().map(codec::encode).toList();
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).isEqualTo(first.get(i));
        }
        assertThat(otherSeed.get(0)).isNotEqualTo(first.get(0));

        List<ReadmissionApplicationSubmitted> otherRun = generate(5, "RUN2", NOW, 3);
        assertThat(otherRun.get(0).getApplicationId()).contains("RUN2").isNotEqualTo(generate(5, "RUN1", NOW, 1).get(0).getApplicationId());
        assertThat(otherRun.get(0).getPersons().toString()).isEqualTo(generate(5, "RUN1", NOW, 1).get(0).getPersons().toString());
    }

    @Test
    void invalidSubmissionsCarryTheirExpectedReason() throws Exception {
        ApplicationGenerator generator = new ApplicationGenerator(3, "TEST", NOW);
        SubmissionFactory factory = new SubmissionFactory("TEST");
        InvalidSubmissions invalid = new InvalidSubmissions(generator, factory);
        LocalDate today = RuleSketch.today(generator);

        List<Submission> singles = invalid.singleRuleViolations();
        for (Submission submission : singles) {
            assertThat(submission.expected().valid()).isFalse();
            assertThat(RuleSketch.violations(submission.application(), submission.sender(), today))
                    .as(submission.label()).containsExactly(submission.expected().reason());
        }
        assertThat(singles.stream().map(s -> s.expected().reason()).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                ReasonCode.NO_EVIDENCE_OR_INTERVIEW, ReasonCode.INVALID_COUNTRY_CODE, ReasonCode.BIRTH_DATE_IN_FUTURE,
                ReasonCode.APPREHENSION_AFTER_SUBMISSION, ReasonCode.ACCELERATED_WITHOUT_APPREHENSION,
                ReasonCode.ACCELERATED_NOT_IN_BORDER_REGION, ReasonCode.ACCELERATED_TIME_LIMIT_EXCEEDED,
                ReasonCode.UNKNOWN_PARTY, ReasonCode.SENDER_NOT_REQUESTING_PARTY, ReasonCode.MISSING_FIELD);

        List<Submission> chain = invalid.redeliveryAndConflict();
        Submission original = chain.get(0);
        Submission redelivery = chain.get(1);
        Submission conflicting = chain.get(2);
        assertThat(original.expected().valid()).isTrue();
        assertThat(RuleSketch.violations(original.application(), original.sender(), today)).isEmpty();
        assertThat(redelivery.ceId()).isEqualTo(original.ceId());
        assertThat(redelivery.value()).isEqualTo(original.value());
        assertThat(conflicting.ceId()).isNotEqualTo(original.ceId());
        assertThat(conflicting.key()).isEqualTo(original.key());
        assertThat(conflicting.applicationId()).isEqualTo(original.applicationId());
        assertThat(conflicting.value()).isNotEqualTo(original.value());
        assertThat(RuleSketch.violations(conflicting.application(), conflicting.sender(), today)).isEmpty();
        assertThat(conflicting.expected().reason()).isEqualTo(ReasonCode.CONFLICTING_DUPLICATE);

        AvroCodec codec = factory.codec();
        Submission garbage = invalid.garbage();
        assertThat(garbage.expected()).isEqualTo(Expectation.deadLettered(ReasonCode.UNDECODABLE_PAYLOAD));
        assertThat(garbage.sender()).isNotBlank();
        assertThatThrownBy(() -> codec.decode(garbage.value())).isInstanceOfSatisfying(UndecodableEventException.class,
                e -> assertThat(e.problem()).isEqualTo(UndecodableEventException.Problem.NOT_SINGLE_OBJECT_ENCODED));
        Submission fingerprint = invalid.unknownFingerprint();
        assertThat(fingerprint.expected()).isEqualTo(Expectation.deadLettered(ReasonCode.UNKNOWN_SCHEMA));
        assertThatThrownBy(() -> codec.decode(fingerprint.value())).isInstanceOfSatisfying(UndecodableEventException.class,
                e -> assertThat(e.problem()).isEqualTo(UndecodableEventException.Problem.UNKNOWN_SCHEMA_FINGERPRINT));

        Set<String> ceIds = new HashSet<>();
        for (Submission s : invalid.all()) {
            if (s.label().startsWith("redelivery")) {
                continue;
            }
            if (!ceIds.add(s.ceId())) {
                fail("ce_id used twice: " + s.label());
            }
        }
    }

    @Test
    void namesFollowAzerbaijaniConventions() {
        assertThat(AzerbaijaniNames.surnameFor("Məmmədov", org.readmission.events.common.Sex.FEMALE)).isEqualTo("Məmmədova");
        assertThat(AzerbaijaniNames.surnameFor("Əlizadə", org.readmission.events.common.Sex.FEMALE)).isEqualTo("Əlizadə");
        assertThat(AzerbaijaniNames.patronymic("Əli", org.readmission.events.common.Sex.MALE)).isEqualTo("Əli oğlu");
        assertThat(AzerbaijaniNames.patronymic("Vüqar", org.readmission.events.common.Sex.FEMALE)).isEqualTo("Vüqar qızı");
        assertThat(AzerbaijaniNames.toCyrillic("Məmmədov Elvin Əli oğlu")).isEqualTo("Мәммәдов Елвин Әли оғлу");
        assertThat(AzerbaijaniNames.toCyrillic("İsmayılov Yusif")).isEqualTo("Исмајылов Јусиф");
    }
}
