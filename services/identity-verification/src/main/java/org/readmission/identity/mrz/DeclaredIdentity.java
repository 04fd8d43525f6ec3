package org.readmission.identity.mrz;

import java.time.LocalDate;

/**
 * Who the requesting state says the holder is, to compare with the zone: names in any script, sex as in the zone
 * (M, F or '<' when unspecified), the document number and the issuing state (ISO 3166-1 alpha-2), each may be null.
 */
public record DeclaredIdentity(String surname, String givenNames, LocalDate dateOfBirth, Character sex,
                               String documentNumber, String issuingCountry) {
}
