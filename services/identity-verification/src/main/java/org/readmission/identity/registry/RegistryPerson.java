package org.readmission.identity.registry;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person in the requested state's passport and identity-card registry. Document numbers and fingerprints are
 * kept apart, encrypted ({@link RegistryDocument}, {@link EnrolledFingerprint}).
 *
 * @param nameKey     transliteration-tolerant key of surname and first given name, for look-up
 * @param sex         'M', 'F' or '<'
 * @param nationality ISO 3166-1 alpha-2 of the nationality the registry records
 */
@Document("registry_persons")
public record RegistryPerson(@Id String id, String surname, String givenNames, String patronymic,
                             LocalDate dateOfBirth, String sex, String nationality, @Indexed String nameKey) {

    @Override
    public String toString() {
        return "RegistryPerson[" + id + "]";
    }
}
