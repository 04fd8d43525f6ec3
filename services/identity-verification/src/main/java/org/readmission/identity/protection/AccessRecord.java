package org.readmission.identity.protection;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access to protected data, without personal data: which service, for which case, which record (internal id),
 * which field, why and when.
 *
 * @param caseId    the case the access served, or null for registry administration
 * @param recordRef the registry record or false-document entry (internal id), or the case's person id
 */
@Document("access_log")
public record AccessRecord(@Id String id, Instant at, String actor, @Indexed String caseId, String recordRef,
                           ProtectedField field, AccessPurpose purpose, String action) {
}
