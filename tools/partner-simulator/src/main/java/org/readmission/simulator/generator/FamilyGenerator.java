package org.readmission.simulator.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.partner.PersonCategory;

/**
 * The persons of one application: a single person, or a family of 2–5 (main person, spouse, children) sharing a
 * surname, a nationality and plausible ages (children born when the mother was 19–45 and all of them before today).
 */
final class FamilyGenerator {

    private final RandomGenerator random;
    private final LocalDate today;
    private final EvidenceFactory evidence;

    FamilyGenerator(RandomGenerator random, LocalDate today) {
        this.random = random;
        this.today = today;
        this.evidence = new EvidenceFactory(random, today);
    }

    /** @param nationality ISO code of the persons' nationality, null for stateless persons */
    List<Person> family(Direction direction, PersonCategory category, String nationality) {
        int size = familySize(category);
        boolean azerbaijaniNames = nationality == null || "AZ".equals(nationality);
        ForeignNames.Nationality foreign = azerbaijaniNames ? null : ForeignNames.of(nationality);

        Sex mainSex = size > 1 && Pick.chance(random, 0.2) || size == 1 && Pick.chance(random, 0.25) ? Sex.FEMALE : Sex.MALE;
        LocalDate mainBorn = size == 1 ? bornAged(19, 58) : bornAged(25, 50);
        boolean withSpouse = size >= 2 && Pick.chance(random, 0.8);
        int children = size - 1 - (withSpouse ? 1 : 0);

        String surname = azerbaijaniNames ? AzerbaijaniNames.familySurname(random) : ForeignNames.surname(random, foreign);
        List<Person> persons = new ArrayList<>();
        String mainGiven = given(foreign, mainSex);
        persons.add(person(direction, category, nationality, "p1", PersonRole.MAIN_PERSON, mainSex, mainGiven,
                surname, mainBorn, foreign));

        String fathersGiven = mainSex == Sex.MALE ? mainGiven : null;
        LocalDate mothersBirth = mainSex == Sex.FEMALE ? mainBorn : null;
        if (withSpouse) {
            Sex spouseSex = mainSex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            LocalDate spouseBorn = mainBorn.plusDays((long) Pick.between(random, -3 * 365, 8 * 365) * (spouseSex == Sex.FEMALE ? 1 : -1));
            if (spouseBorn.isAfter(today.minusYears(19))) {
                spouseBorn = today.minusYears(19).minusDays(Pick.between(random, 0, 700));
            }
            String spouseGiven = given(foreign, spouseSex);
            String spouseSurname = spouseSex == Sex.FEMALE && azerbaijaniNames && Pick.chance(random, 0.3)
                    ? AzerbaijaniNames.familySurname(random) : surname;
            persons.add(person(direction, category, nationality, "p2", PersonRole.SPOUSE, spouseSex, spouseGiven,
                    spouseSurname, spouseBorn, foreign));
            if (spouseSex == Sex.MALE) {
                fathersGiven = spouseGiven;
            } else {
                mothersBirth = spouseBorn;
            }
        }
        if (fathersGiven == null && azerbaijaniNames) {
            fathersGiven = AzerbaijaniNames.givenName(random, Sex.MALE);
        }
        LocalDate parentBorn = mothersBirth != null ? mothersBirth : mainBorn;
        for (int c = 0; c < children; c++) {
            Sex sex = Pick.chance(random, 0.5) ? Sex.FEMALE : Sex.MALE;
            persons.add(child(direction, category, nationality, "p" + (persons.size() + 1), sex, surname, fathersGiven,
                    parentBorn, foreign));
        }
        return persons;
    }

    private int familySize(PersonCategory category) {
        if (category == PersonCategory.OWN_NATIONAL && Pick.chance(random, 0.45)
                || category != PersonCategory.OWN_NATIONAL && Pick.chance(random, 0.3)) {
            double roll = random.nextDouble();
            return roll < 0.35 ? 2 : roll < 0.65 ? 3 : roll < 0.9 ? 4 : 5;
        }
        return 1;
    }

    private Person person(Direction direction, PersonCategory category, String nationality, String id, PersonRole role,
                          Sex sex, String given, String familySurname, LocalDate born, ForeignNames.Nationality foreign) {
        PersonName name;
        String placeOfBirth;
        if (foreign == null) {
            String patronymic = AzerbaijaniNames.patronymic(AzerbaijaniNames.fathersName(random), sex);
            boolean cyrillic = born.getYear() < 1985 && Pick.chance(random, 0.4);
            name = AzerbaijaniNames.name(given, AzerbaijaniNames.surnameFor(familySurname, sex), patronymic, cyrillic);
            placeOfBirth = AzerbaijaniNames.placeOfBirth(random);
        } else {
            name = ForeignNames.name(given, familySurname);
            placeOfBirth = ForeignNames.placeOfBirth(random, foreign);
        }
        return build(direction, category, nationality, id, role, sex, name, born, placeOfBirth,
                role == PersonRole.MAIN_PERSON && Pick.chance(random, 0.03));
    }

    private Person child(Direction direction, PersonCategory category, String nationality, String id, Sex sex,
                         String familySurname, String fathersGiven, LocalDate parentBorn, ForeignNames.Nationality foreign) {
        LocalDate earliest = later(parentBorn.plusYears(19), today.minusYears(17));
        LocalDate latest = today.minusDays(60);
        long span = Math.max(0, latest.toEpochDay() - earliest.toEpochDay());
        LocalDate born = earliest.isAfter(latest) ? latest : earliest.plusDays(span == 0 ? 0 : random.nextLong(span + 1));
        PersonName name;
        String placeOfBirth;
        if (foreign == null) {
            name = AzerbaijaniNames.name(AzerbaijaniNames.givenName(random, sex), AzerbaijaniNames.surnameFor(familySurname, sex),
                    AzerbaijaniNames.patronymic(fathersGiven, sex), false);
            placeOfBirth = AzerbaijaniNames.placeOfBirth(random);
        } else {
            name = ForeignNames.name(ForeignNames.givenName(random, foreign, sex), familySurname);
            placeOfBirth = ForeignNames.placeOfBirth(random, foreign);
        }
        return build(direction, category, nationality, id, PersonRole.CHILD, sex, name, born, placeOfBirth, false);
    }

    private Person build(Direction direction, PersonCategory category, String nationality, String id, PersonRole role,
                         Sex sex, PersonName name, LocalDate born, String placeOfBirth, boolean protectionClaim) {
        Subject subject = new Subject(id, role, sex, born, placeOfBirth, nationality);
        EvidenceSet set = category == PersonCategory.OWN_NATIONAL
                ? evidence.ownNational(subject, direction.requestingCountry())
                : evidence.thirdCountry(subject, direction.requestedCountry(), direction.requestingCountry());
        int age = subject.ageOn(today);
        return Person.newBuilder()
                .setPersonId(id)
                .setRole(role)
                .setName(name)
                .setDateOfBirth(born)
                .setPlaceOfBirth(placeOfBirth)
                .setSex(sex)
                .setClaimedNationality(nationality)
                .setDocuments(set.documents())
                .setEvidence(set.evidence())
                .setInterviewRequested(set.interviewRequested())
                .setFingerprintsAvailable(age >= 6 && Pick.chance(random, 0.85))
                .setProtectionClaimRaised(protectionClaim)
                .build();
    }

    private String given(ForeignNames.Nationality foreign, Sex sex) {
        return foreign == null ? AzerbaijaniNames.givenName(random, sex) : ForeignNames.givenName(random, foreign, sex);
    }

    private LocalDate bornAged(int minYears, int maxYears) {
        LocalDate youngest = today.minusYears(minYears);
        LocalDate oldest = today.minusYears(maxYears + 1).plusDays(1);
        long span = youngest.toEpochDay() - oldest.toEpochDay();
        return oldest.plusDays(random.nextLong(span + 1));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
