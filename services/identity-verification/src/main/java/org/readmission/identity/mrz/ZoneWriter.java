package org.readmission.identity.mrz;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.readmission.names.Transliteration;

/** Writes valid zones (every check digit computed), for test data and demo documents. */
public final class ZoneWriter {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private ZoneWriter() {
    }

    /** The subject of a zone; names in any script (transliterated as ICAO 9303 part 3), sex 'M', 'F' or '<'. */
    public record Holder(String surname, String givenNames, LocalDate dateOfBirth, char sex, String nationality) {
    }

    /** A passport (TD3, document code "P<"), optional data = personal number (may be empty). */
    public static String td3(String issuingState, Holder holder, String number, LocalDate expiry, String personalNumber) {
        String line1 = pad("P<" + pad(issuingState, 3) + name(holder), 44);
        String numberField = pad(number, 9) + CheckDigit.of(pad(number, 9));
        String birth = YYMMDD.format(holder.dateOfBirth());
        String expires = YYMMDD.format(expiry);
        String optional = pad(personalNumber, 14);
        String optionalCheck = personalNumber.isEmpty() ? "<" : String.valueOf(CheckDigit.of(optional));
        String birthField = birth + CheckDigit.of(birth);
        String expiryField = expires + CheckDigit.of(expires);
        String composite = numberField + birthField + expiryField + optional + optionalCheck;
        String line2 = numberField + pad(holder.nationality(), 3) + birthField + holder.sex() + expiryField + optional
                + optionalCheck + CheckDigit.of(composite);
        return line1 + "\n" + line2;
    }

    /** An identity card (TD1, document code "I<"); document numbers of at most 9 characters. */
    public static String td1(String issuingState, Holder holder, String number, LocalDate expiry) {
        String numberField = pad(number, 9) + CheckDigit.of(pad(number, 9));
        String line1 = "I<" + pad(issuingState, 3) + numberField + pad("", 15);
        String birth = YYMMDD.format(holder.dateOfBirth());
        String expires = YYMMDD.format(expiry);
        String line2start = birth + CheckDigit.of(birth) + holder.sex() + expires + CheckDigit.of(expires)
                + pad(holder.nationality(), 3) + pad("", 11);
        String composite = line1.substring(5, 30) + line2start.substring(0, 7) + line2start.substring(8, 15)
                + line2start.substring(18, 29);
        String line2 = line2start + CheckDigit.of(composite);
        String line3 = pad(name(holder), 30);
        return line1 + "\n" + line2 + "\n" + line3;
    }

    private static String name(Holder holder) {
        return Transliteration.toMrz(holder.surname()) + "<<" + Transliteration.toMrz(holder.givenNames());
    }

    private static String pad(String field, int length) {
        String padded = field + "<".repeat(Math.max(0, length - field.length()));
        return padded.substring(0, length);
    }
}
