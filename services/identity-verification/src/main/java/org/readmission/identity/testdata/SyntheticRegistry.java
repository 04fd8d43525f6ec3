package org.readmission.identity.testdata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.readmission.identity.mrz.ZoneWriter;

/**
 * A synthetic passport and identity-card registry of Azerbaijan, deterministic by seed: realistic names, dates,
 * passport (TD3, "C" + 8 digits) and identity card (TD1, "AA" + 7 digits) numbers with valid zones, two enrolled
 * fingers per person; near misses (same birth date and surname, other given name; same name, other birth date);
 * documents on the lost/stolen/forged list; and persons who are not in the registry.
 *
 * <pre>
 * SyntheticRegistry registry = SyntheticRegistry.generate(4L, 60);
 * SyntheticPerson known = registry.persons().get(0);          // confirmed by passport + registry
 * byte[] probe = known.recapturedFingerprints(1L).get(0);     // a new impression of the right index
 * SyntheticPerson unknown = registry.unknownPersons().get(0);  // not in the registry: interview
 * SyntheticFalseDocument forged = registry.falseDocuments().get(0);
 * </pre>
 */
public final class SyntheticRegistry {

    public static final String STATE = "AZ";
    private static final String ZONE_STATE = "AZE";

    private final Random random;
    private final Set<String> numbers = new HashSet<>();
    private final List<SyntheticPerson> persons = new ArrayList<>();
    private final List<SyntheticPerson> unknown = new ArrayList<>();
    private final List<SyntheticFalseDocument> falseDocuments = new ArrayList<>();

    private SyntheticRegistry(long seed) {
        this.random = new Random(seed);
    }

    /** {@code size} registry persons (at least 10), 5 unknown persons and 3 false documents (forged, stolen, lost). */
    public static SyntheticRegistry generate(long seed, int size) {
        SyntheticRegistry registry = new SyntheticRegistry(seed);
        registry.fill(Math.max(10, size));
        return registry;
    }

    public List<SyntheticPerson> persons() {
        return List.copyOf(persons);
    }

    public List<SyntheticPerson> unknownPersons() {
        return List.copyOf(unknown);
    }

    public List<SyntheticFalseDocument> falseDocuments() {
        return List.copyOf(falseDocuments);
    }

    /** Pairs of registry persons that look alike: index i is a near miss of index i - 1 for these i. */
    public static boolean isNearMissOfPrevious(int index) {
        return index % 5 == 4 || index % 7 == 6;
    }

    private void fill(int size) {
        for (int i = 0; i < size; i++) {
            SyntheticPerson person;
            if (i % 5 == 4) {
                person = sameBirthDateAndSurname(persons.get(i - 1), "AZR-" + String.format("%06d", i + 1));
            } else if (i % 7 == 6) {
                person = sameNameOtherBirthDate(persons.get(i - 1), "AZR-" + String.format("%06d", i + 1));
            } else {
                person = person("AZR-" + String.format("%06d", i + 1), randomSex(), birthDate(), null);
            }
            persons.add(person);
        }
        for (int i = 0; i < 5; i++) {
            unknown.add(person(null, randomSex(), birthDate(), null));
        }
        falseDocuments.add(listed(person(null, randomSex(), birthDate(), null), "FORGED"));
        falseDocuments.add(listed(person(null, randomSex(), birthDate(), null), "STOLEN"));
        falseDocuments.add(listed(person(null, randomSex(), birthDate(), null), "LOST"));
    }

    private SyntheticFalseDocument listed(SyntheticPerson holder, String listing) {
        return new SyntheticFalseDocument(holder, holder.passport(), listing, LocalDate.of(2023, 1, 1).plusDays(random.nextInt(600)));
    }

    private SyntheticPerson sameBirthDateAndSurname(SyntheticPerson other, String recordId) {
        String given;
        do {
            given = given(other.sex());
        } while (given.equals(other.givenNames()));
        return build(recordId, other.surname(), given, other.sex(), other.dateOfBirth());
    }

    private SyntheticPerson sameNameOtherBirthDate(SyntheticPerson other, String recordId) {
        return build(recordId, other.surname(), other.givenNames(), other.sex(), other.dateOfBirth().plusDays(366 + random.nextInt(3000)));
    }

    private SyntheticPerson person(String recordId, char sex, LocalDate birth, String surname) {
        String family = surname != null ? surname
                : AzerbaijaniNames.surname(AzerbaijaniNames.SURNAMES.get(random.nextInt(AzerbaijaniNames.SURNAMES.size())), sex);
        return build(recordId, family, given(sex), sex, birth);
    }

    private SyntheticPerson build(String recordId, String surname, String given, char sex, LocalDate birth) {
        String father = AzerbaijaniNames.MALE.get(random.nextInt(AzerbaijaniNames.MALE.size()));
        ZoneWriter.Holder holder = new ZoneWriter.Holder(surname, given, birth, sex, ZONE_STATE);
        LocalDate issued = random.nextInt(6) == 0 ? LocalDate.of(2009, 1, 1).plusDays(random.nextInt(1500))
                : LocalDate.of(2016, 1, 1).plusDays(random.nextInt(3000));
        LocalDate expires = issued.plusYears(10).minusDays(1);
        String passportNumber = unique(() -> "C" + digits(8));
        SyntheticDocument passport = new SyntheticDocument(SyntheticDocument.PASSPORT, passportNumber, STATE, issued, expires,
                ZoneWriter.td3(ZONE_STATE, holder, passportNumber, expires, ""));
        LocalDate cardIssued = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(2000));
        LocalDate cardExpires = cardIssued.plusYears(10).minusDays(1);
        String cardNumber = unique(() -> "AA" + digits(7));
        SyntheticDocument card = new SyntheticDocument(SyntheticDocument.IDENTITY_CARD, cardNumber, STATE, cardIssued, cardExpires,
                ZoneWriter.td1(ZONE_STATE, holder, cardNumber, cardExpires));
        List<SyntheticFingerprint> fingers = List.of(SyntheticFingerprint.random(2, random), SyntheticFingerprint.random(7, random));
        return new SyntheticPerson(recordId, surname, given, AzerbaijaniNames.patronymic(father, sex), sex, birth, STATE,
                passport, card, fingers);
    }

    private String given(char sex) {
        List<String> names = sex == 'F' ? AzerbaijaniNames.FEMALE : AzerbaijaniNames.MALE;
        return names.get(random.nextInt(names.size()));
    }

    private char randomSex() {
        return random.nextBoolean() ? 'M' : 'F';
    }

    private LocalDate birthDate() {
        return LocalDate.of(1960, 1, 1).plusDays(random.nextInt(45 * 365));
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private String unique(java.util.function.Supplier<String> next) {
        String number;
        do {
            number = next.get();
        } while (!numbers.add(number));
        return number;
    }
}
