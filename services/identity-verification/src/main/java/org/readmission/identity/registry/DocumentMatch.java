package org.readmission.identity.registry;

import java.time.LocalDate;

/** The registry record a document number belongs to, and what the registry knows of that document. */
public record DocumentMatch(RegistryPerson person, String documentType, String issuingCountry, LocalDate expiresOn) {
}
