package org.readmission.identity.registry;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A passport or identity card the registry issued to a person: the number only as a blind index (for look-up) and
 * a ciphertext (associated data: this entry's id + "documentNumber").
 *
 * @param documentType a DocumentType symbol of the event schema (NATIONAL_PASSPORT, IDENTITY_CARD ...)
 */
@Document("registry_documents")
record RegistryDocument(@Id String id, @Indexed String personId, @Indexed String numberIndex, byte[] numberCiphertext,
                        String documentType, String issuingCountry, LocalDate issuedOn, LocalDate expiresOn) {
}
