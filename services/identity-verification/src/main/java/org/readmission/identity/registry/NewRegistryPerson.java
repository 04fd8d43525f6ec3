package org.readmission.identity.registry;

import java.time.LocalDate;
import java.util.List;

/** What enrolment in the registry takes (plaintext; stored encrypted). */
public record NewRegistryPerson(String id, String surname, String givenNames, String patronymic, LocalDate dateOfBirth,
                                String sex, String nationality, List<Document> documents, List<Finger> fingers) {

    /** @param documentType a DocumentType symbol of the event schema */
    public record Document(String documentType, String number, String issuingCountry, LocalDate issuedOn, LocalDate expiresOn) {

        @Override
        public String toString() {
            return "Document[" + documentType + ", " + issuingCountry + "]";
        }
    }

    public record Finger(String finger, byte[] template) {

        @Override
        public String toString() {
            return "Finger[" + finger + "]";
        }
    }
}
