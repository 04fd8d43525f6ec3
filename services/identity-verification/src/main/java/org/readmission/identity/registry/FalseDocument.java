package org.readmission.identity.registry;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An entry of the lost / stolen / forged documents list: the number as a blind index only. */
@Document("false_documents")
record FalseDocument(@Id String id, @Indexed String numberIndex, String issuingCountry, FalseDocumentListing listing,
                     LocalDate reportedOn) {
}
