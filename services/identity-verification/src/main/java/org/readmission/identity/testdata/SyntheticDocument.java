package org.readmission.identity.testdata;

import java.time.LocalDate;

/**
 * A fictitious document with a valid machine-readable zone.
 *
 * @param kind           "PASSPORT" (TD3) or "IDENTITY_CARD" (TD1), names of the event schema's DocumentType
 *                       ({@code NATIONAL_PASSPORT}, {@code IDENTITY_CARD})
 * @param issuingCountry ISO 3166-1 alpha-2
 */
public record SyntheticDocument(String kind, String number, String issuingCountry, LocalDate issuedOn,
                                LocalDate expiresOn, String machineReadableZone) {

    public static final String PASSPORT = "NATIONAL_PASSPORT";
    public static final String IDENTITY_CARD = "IDENTITY_CARD";

    @Override
    public String toString() {
        return "SyntheticDocument[" + kind + ", issued by " + issuingCountry + "]";
    }
}
