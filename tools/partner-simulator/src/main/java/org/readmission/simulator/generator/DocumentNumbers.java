package org.readmission.simulator.generator;

import java.util.random.RandomGenerator;

import org.readmission.events.common.DocumentType;

/**
 * Document numbers in the shape the issuing state uses (plausible, not real): Azerbaijani biometric passports
 * "C" + 8 digits, ID cards "AZE" + 8 digits, German documents 9 characters without vowels, and so on.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    public static String number(RandomGenerator random, DocumentType type, String issuingCountry) {
        return switch (issuingCountry) {
            case "AZ" -> azerbaijani(random, type);
            case "DE" -> type == DocumentType.VISA ? "D" + Pick.digits(random, 8) : Pick.alphanumerics(random, 9);
            case "NL" -> type == DocumentType.RESIDENCE_PERMIT ? "W" + Pick.alphanumerics(random, 8)
                    : "N" + Pick.alphanumerics(random, 1) + Pick.alphanumerics(random, 7);
            case "IR" -> (type == DocumentType.NATIONAL_PASSPORT ? "K" : "") + Pick.digits(random, 8);
            case "AF" -> "P" + Pick.digits(random, 7);
            case "PK" -> "A" + (char) ('A' + random.nextInt(26)) + Pick.digits(random, 7);
            case "IN" -> String.valueOf((char) ('J' + random.nextInt(10))) + Pick.digits(random, 7);
            default -> Pick.alphanumerics(random, 9);
        };
    }

    private static String azerbaijani(RandomGenerator random, DocumentType type) {
        return switch (type) {
            case NATIONAL_PASSPORT -> "C" + Pick.digits(random, 8);
            case DIPLOMATIC_PASSPORT -> "DP" + Pick.digits(random, 7);
            case SERVICE_PASSPORT -> "XP" + Pick.digits(random, 7);
            case SUBSTITUTE_PASSPORT -> "QŞ" + Pick.digits(random, 7);
            case IDENTITY_CARD -> Pick.chance(random, 0.7) ? "AZE" + Pick.digits(random, 8) : "AA" + Pick.digits(random, 7);
            case TEMPORARY_IDENTITY_CARD -> "MV" + Pick.digits(random, 7);
            case CITIZENSHIP_CERTIFICATE -> "VŞ" + Pick.digits(random, 6);
            case DRIVING_LICENCE -> "AB" + Pick.digits(random, 6);
            case BIRTH_CERTIFICATE -> "DHŞ-" + Pick.digits(random, 7);
            case MILITARY_SERVICE_BOOK -> "HB" + Pick.digits(random, 7);
            case SEAMANS_BOOK -> "DK" + Pick.digits(random, 6);
            case COMPANY_OR_SERVICE_ID -> "SOCAR-" + Pick.digits(random, 5);
            case VISA -> "EV" + Pick.digits(random, 9);
            case RESIDENCE_PERMIT -> (Pick.chance(random, 0.5) ? "MYİ" : "DYİ") + Pick.digits(random, 7);
            case TRAVEL_TICKET -> "J2-" + Pick.digits(random, 10);
            case OTHER -> Pick.digits(random, 8);
        };
    }
}
