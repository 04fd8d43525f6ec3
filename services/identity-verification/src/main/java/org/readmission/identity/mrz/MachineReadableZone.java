package org.readmission.identity.mrz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.readmission.names.NameKey;

/**
 * A machine-readable zone of ICAO Doc 9303 (TD1, TD2, TD3) as read, with its fields and what is wrong with it.
 * Reading never throws for bad input: {@link #problems()} names every failed check (field formats, each check digit,
 * the composite check digit, dates, state codes). Fields are null when the layout is not recognised.
 */
public record MachineReadableZone(MrzFormat format, String documentCode, String issuingState, String documentNumber,
                                  String nationality, LocalDate dateOfBirth, char sex, LocalDate dateOfExpiry,
                                  String surname, String givenNames, String optionalData, List<MrzProblem> problems) {

    public MachineReadableZone {
        problems = List.copyOf(problems);
    }

    /**
     * Reads the zone (lines separated by line breaks).
     *
     * @param today decides the century of two-digit years: a birth year is never in the future, an expiry year is at
     *              most 50 years ahead
     */
    public static MachineReadableZone read(String text, LocalDate today) {
        String[] lines = text == null ? new String[0]
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toArray(String[]::new);
        MrzFormat format = lines.length == 0 ? null : MrzFormat.of(lines.length, lines[0].length());
        if (format == null || Arrays.stream(lines).anyMatch(l -> l.length() != lines[0].length())) {
            return new MachineReadableZone(null, null, null, null, null, null, '<', null, null, null, null,
                    List.of(MrzProblem.UNRECOGNISED_FORMAT));
        }
        return new ZoneReader(format, lines, today).read();
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Expired documents still prove nationality (Annex 1); this only flags it. */
    public boolean isExpiredOn(LocalDate day) {
        return dateOfExpiry != null && dateOfExpiry.isBefore(day);
    }

    /** Where the zone and the declared identity differ; fields not declared are not compared. */
    public List<Inconsistency> inconsistenciesWith(DeclaredIdentity declared) {
        List<Inconsistency> found = new ArrayList<>();
        if (declared.surname() != null && surname != null
                && !NameKey.phonetic(declared.surname()).equals(NameKey.phonetic(surname))) {
            found.add(Inconsistency.SURNAME);
        }
        if (declared.givenNames() != null && givenNames != null && !givenNamesAgree(declared.givenNames())) {
            found.add(Inconsistency.GIVEN_NAMES);
        }
        if (declared.dateOfBirth() != null && dateOfBirth != null && !declared.dateOfBirth().equals(dateOfBirth)) {
            found.add(Inconsistency.DATE_OF_BIRTH);
        }
        if (declared.sex() != null && declared.sex() != '<' && sex != '<' && declared.sex() != sex) {
            found.add(Inconsistency.SEX);
        }
        if (declared.documentNumber() != null && documentNumber != null
                && !normalisedNumber(declared.documentNumber()).equals(documentNumber)) {
            found.add(Inconsistency.DOCUMENT_NUMBER);
        }
        if (declared.issuingCountry() != null && issuingState != null
                && !issuingState.equals(IcaoCodes.ofAlpha2(declared.issuingCountry()))) {
            found.add(Inconsistency.ISSUING_STATE);
        }
        return found;
    }

    /** A document number as the zone writes it: upper case, without spaces and dashes. */
    public static String normalisedNumber(String number) {
        return number.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s\\-/.]", "");
    }

    private boolean givenNamesAgree(String declared) {
        String first = declared.strip().split("\\s+")[0];
        String mrzFirst = givenNames.strip().isEmpty() ? "" : givenNames.strip().split("\\s+")[0];
        String declaredKey = NameKey.phonetic(first);
        String zoneKey = NameKey.phonetic(mrzFirst);
        // a long name may be truncated in the zone
        return !zoneKey.isEmpty() && (declaredKey.equals(zoneKey) || declaredKey.startsWith(zoneKey) && mrzFirst.length() >= 5);
    }
}
