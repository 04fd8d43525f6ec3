package org.readmission.identity.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** ICAO Doc 9303 specimens (parts 4, 5, 6) and corruptions of them. */
class MachineReadableZoneTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    static final String TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";
    static final String TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

    @Test
    void readsTheTd1Specimen() {
        MachineReadableZone zone = MachineReadableZone.read(TD1, TODAY);

        assertThat(zone.problems()).isEmpty();
        assertThat(zone.format()).isEqualTo(MrzFormat.TD1);
        assertThat(zone.documentCode()).isEqualTo("I");
        assertThat(zone.issuingState()).isEqualTo("UTO");
        assertThat(zone.documentNumber()).isEqualTo("D23145890");
        assertThat(zone.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(zone.sex()).isEqualTo('F');
        assertThat(zone.dateOfExpiry()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(zone.nationality()).isEqualTo("UTO");
        assertThat(zone.surname()).isEqualTo("ERIKSSON");
        assertThat(zone.givenNames()).isEqualTo("ANNA MARIA");
    }

    @Test
    void readsTheTd2Specimen() {
        MachineReadableZone zone = MachineReadableZone.read(TD2, TODAY);

        assertThat(zone.problems()).isEmpty();
        assertThat(zone.format()).isEqualTo(MrzFormat.TD2);
        assertThat(zone.documentNumber()).isEqualTo("D23145890");
        assertThat(zone.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(zone.surname()).isEqualTo("ERIKSSON");
        assertThat(zone.givenNames()).isEqualTo("ANNA MARIA");
    }

    @Test
    void readsTheTd3Specimen() {
        MachineReadableZone zone = MachineReadableZone.read(TD3, TODAY);

        assertThat(zone.problems()).isEmpty();
        assertThat(zone.format()).isEqualTo(MrzFormat.TD3);
        assertThat(zone.documentCode()).isEqualTo("P");
        assertThat(zone.documentNumber()).isEqualTo("L898902C3");
        assertThat(zone.optionalData()).isEqualTo("ZE184226B");
        assertThat(zone.dateOfExpiry()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(zone.givenNames()).isEqualTo("ANNA MARIA");
    }

    /**
     * Every character of every check-digit-protected field (document number, dates, optional data, the check digits,
     * the composite) replaced by every other MRZ character. The 7-3-1 scheme cannot see a substitution between
     * characters whose values differ by a multiple of 10 ('0', '<', 'A', 'K', 'U' all weigh 0 mod 10) in fields where
     * letters are allowed; everything else must be detected. Both halves are asserted.
     */
    @Test
    void detectsEverySingleCharacterCorruptionOfProtectedFieldsThatCheckDigitsCanDetect() {
        int corruptions = 0;
        List<String> undetectable = new ArrayList<>();
        for (Specimen specimen : specimens()) {
            for (Field field : specimen.fields()) {
                for (int position = field.from(); position < field.to(); position++) {
                    char original = specimen.lines()[field.line()].charAt(position);
                    for (char replacement : ALPHABET.toCharArray()) {
                        if (replacement == original) {
                            continue;
                        }
                        corruptions++;
                        MachineReadableZone zone = MachineReadableZone.read(specimen.with(field.line(), position, replacement), TODAY);
                        if (field.alphanumeric() && sameWeight(original, replacement)) {
                            undetectable.add(specimen.name() + " line " + (field.line() + 1) + " col " + (position + 1)
                                    + ": " + original + "->" + replacement);
                            assertThat(zone.problems()).as("undetectable by design").isEmpty();
                        } else {
                            assertThat(zone.problems()).as("%s line %d col %d: %s -> %s", specimen.name(), field.line() + 1,
                                    position + 1, original, replacement).isNotEmpty();
                        }
                    }
                }
            }
        }
        System.out.printf("MRZ corruptions tried: %d, detected: %d, undetectable by the 7-3-1 scheme: %d%n",
                corruptions, corruptions - undetectable.size(), undetectable.size());
        assertThat(corruptions).isGreaterThan(3000);
    }

    @Test
    void flagsAnExpiredDocumentWithoutInvalidatingIt() {
        MachineReadableZone zone = MachineReadableZone.read(TD3, TODAY);

        assertThat(zone.isValid()).isTrue();
        assertThat(zone.isExpiredOn(TODAY)).isTrue();
        assertThat(zone.isExpiredOn(LocalDate.of(2011, 1, 1))).isFalse();
    }

    @Test
    void namesDifferencesFromTheDeclaredIdentity() {
        MachineReadableZone zone = MachineReadableZone.read(TD3, TODAY);

        assertThat(zone.inconsistenciesWith(new DeclaredIdentity("Eriksson", "Anna Maria", LocalDate.of(1974, 8, 12), 'F',
                "L898902C3", null))).isEmpty();
        assertThat(zone.inconsistenciesWith(new DeclaredIdentity("Larsson", "Anna", LocalDate.of(1975, 8, 12), 'M',
                "L898902C4", "DE"))).containsExactly(Inconsistency.SURNAME, Inconsistency.DATE_OF_BIRTH, Inconsistency.SEX,
                Inconsistency.DOCUMENT_NUMBER, Inconsistency.ISSUING_STATE);
    }

    @Test
    void toleratesTransliterationsOfAzerbaijaniNamesWhenComparingWithTheDeclaredIdentity() {
        String zoneText = ZoneWriter.td3("AZE", new ZoneWriter.Holder("Məmmədov", "Elşən", LocalDate.of(1990, 3, 1), 'M', "AZE"),
                "C12345678", LocalDate.of(2030, 1, 1), "");
        MachineReadableZone zone = MachineReadableZone.read(zoneText, TODAY);

        assertThat(zone.problems()).isEmpty();
        assertThat(zone.surname()).isEqualTo("MAMMADOV");
        assertThat(zone.inconsistenciesWith(new DeclaredIdentity("Мамедов", "Эльшан", LocalDate.of(1990, 3, 1), 'M', "C12345678", "AZ")))
                .isEmpty();
    }

    @Test
    void rejectsUnknownStateCodesAndUnrecognisedLayouts() {
        assertThat(MachineReadableZone.read(TD3.replace("P<UTO", "P<QQQ"), TODAY).problems()).contains(MrzProblem.UNKNOWN_ISSUING_STATE);
        assertThat(MachineReadableZone.read(TD3.substring(0, 40), TODAY).problems()).containsExactly(MrzProblem.UNRECOGNISED_FORMAT);
        assertThat(MachineReadableZone.read(null, TODAY).problems()).containsExactly(MrzProblem.UNRECOGNISED_FORMAT);
        assertThat(MachineReadableZone.read(TD3.toLowerCase(), TODAY).problems()).contains(MrzProblem.INVALID_CHARACTER);
    }

    @Test
    void acceptsGermanyAsDAndTheStatelessCodes() {
        assertThat(IcaoCodes.isKnown("D<<")).isTrue();
        assertThat(IcaoCodes.isKnown("XXA")).isTrue();
        assertThat(IcaoCodes.isKnown("AZE")).isTrue();
        assertThat(IcaoCodes.isKnown("DEU")).isFalse();
        assertThat(IcaoCodes.ofAlpha2("DE")).isEqualTo("D");
        assertThat(IcaoCodes.ofAlpha2("AZ")).isEqualTo("AZE");
    }

    @Test
    void writesIdentityCardZonesThatReadBackValid() {
        String zoneText = ZoneWriter.td1("AZE", new ZoneWriter.Holder("Əliyeva", "Günel", LocalDate.of(1985, 12, 31), 'F', "AZE"),
                "AA1234567", LocalDate.of(2031, 6, 30));
        MachineReadableZone zone = MachineReadableZone.read(zoneText, TODAY);

        assertThat(zone.problems()).isEmpty();
        assertThat(zone.documentNumber()).isEqualTo("AA1234567");
        assertThat(zone.surname()).isEqualTo("ALIYEVA");
        assertThat(zone.givenNames()).isEqualTo("GUNEL");
    }

    private static boolean sameWeight(char a, char b) {
        return CheckDigit.valueOf(a) % 10 == CheckDigit.valueOf(b) % 10;
    }

    private record Field(int line, int from, int to, boolean alphanumeric) {
    }

    private record Specimen(String name, String[] lines, List<Field> fields) {

        String with(int line, int position, char replacement) {
            String[] copy = lines.clone();
            StringBuilder changed = new StringBuilder(copy[line]);
            changed.setCharAt(position, replacement);
            copy[line] = changed.toString();
            return String.join("\n", copy);
        }
    }

    /** Protected fields by ICAO 9303 (line index, columns from-to exclusive): digits-only fields are not alphanumeric. */
    private static List<Specimen> specimens() {
        return List.of(
                new Specimen("TD1", TD1.split("\n"), List.of(
                        new Field(0, 5, 14, true), new Field(0, 14, 15, false), new Field(0, 15, 30, true),
                        new Field(1, 0, 7, false), new Field(1, 8, 15, false), new Field(1, 18, 29, true), new Field(1, 29, 30, false))),
                new Specimen("TD2", TD2.split("\n"), List.of(
                        new Field(1, 0, 9, true), new Field(1, 9, 10, false), new Field(1, 13, 20, false),
                        new Field(1, 21, 28, false), new Field(1, 28, 35, true), new Field(1, 35, 36, false))),
                new Specimen("TD3", TD3.split("\n"), List.of(
                        new Field(1, 0, 9, true), new Field(1, 9, 10, false), new Field(1, 13, 20, false),
                        new Field(1, 21, 28, false), new Field(1, 28, 42, true), new Field(1, 42, 44, false))));
    }
}
