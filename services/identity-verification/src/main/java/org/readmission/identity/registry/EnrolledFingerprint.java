package org.readmission.identity.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One enrolled finger of a registry person: the template encrypted (associated data: this id + "fingerprintTemplate"). */
@Document("registry_fingerprints")
record EnrolledFingerprint(@Id String id, @Indexed String personId, String finger, byte[] templateCiphertext) {
}
