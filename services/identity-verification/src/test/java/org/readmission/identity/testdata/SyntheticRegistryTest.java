package org.readmission.identity.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.readmission.identity.mrz.MachineReadableZone;
import org.readmission.names.NameKey;

class SyntheticRegistryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void isTheSameForTheSameSeed() {
        SyntheticRegistry one = SyntheticRegistry.generate(4, 20);
        SyntheticRegistry two = SyntheticRegistry.generate(4, 20);

        assertThat(one.persons()).extracting(SyntheticPerson::surname, SyntheticPerson::givenNames, SyntheticPerson::dateOfBirth)
                .isEqualTo(two.persons().stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.surname(), p.givenNames(), p.dateOfBirth())).toList());
        assertThat(one.persons().get(3).passport().machineReadableZone()).isEqualTo(two.persons().get(3).passport().machineReadableZone());
        assertThat(one.persons().get(3).fingerprints().get(0).template()).isEqualTo(two.persons().get(3).fingerprints().get(0).template());
    }

    @Test
    void writesValidZonesThatAgreeWithThePerson() {
        SyntheticRegistry registry = SyntheticRegistry.generate(9, 30);
        List<SyntheticPerson> everyone = Stream.concat(registry.persons().stream(), registry.unknownPersons().stream()).toList();

        for (SyntheticPerson person : everyone) {
            for (SyntheticDocument document : List.of(person.passport(), person.identityCard())) {
                MachineReadableZone zone = MachineReadableZone.read(document.machineReadableZone(), TODAY);
                assertThat(zone.problems()).as(document.kind()).isEmpty();
                assertThat(zone.documentNumber()).isEqualTo(document.number());
                assertThat(zone.dateOfBirth()).isEqualTo(person.dateOfBirth());
                assertThat(zone.issuingState()).isEqualTo("AZE");
                assertThat(NameKey.phonetic(zone.surname())).isEqualTo(NameKey.phonetic(person.surname()));
            }
            assertThat(person.passport().number()).matches("C\\d{8}");
            assertThat(person.identityCard().number()).matches("AA\\d{7}");
        }
    }

    @Test
    void includesNearMissesWithTheSameBirthDateOrTheSameName() {
        List<SyntheticPerson> persons = SyntheticRegistry.generate(4, 20).persons();

        SyntheticPerson sameBirth = persons.get(4);
        assertThat(sameBirth.dateOfBirth()).isEqualTo(persons.get(3).dateOfBirth());
        assertThat(sameBirth.surname()).isEqualTo(persons.get(3).surname());
        assertThat(sameBirth.givenNames()).isNotEqualTo(persons.get(3).givenNames());
        SyntheticPerson sameName = persons.get(6);
        assertThat(sameName.givenNames()).isEqualTo(persons.get(5).givenNames());
        assertThat(sameName.dateOfBirth()).isNotEqualTo(persons.get(5).dateOfBirth());
        assertThat(persons).extracting(SyntheticPerson::surname).anyMatch(s -> s.endsWith("ova") || s.endsWith("yeva"));
    }

    @Test
    void listsAForgedAStolenAndALostDocumentOfPersonsOutsideTheRegistry() {
        SyntheticRegistry registry = SyntheticRegistry.generate(4, 20);

        assertThat(registry.falseDocuments()).extracting(SyntheticFalseDocument::listing).containsExactly("FORGED", "STOLEN", "LOST");
        assertThat(registry.persons()).extracting(p -> p.passport().number())
                .doesNotContainAnyElementsOf(registry.falseDocuments().stream().map(f -> f.document().number()).toList());
    }
}
