package org.readmission.identity.testdata;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * A fictitious national of the registry's state: identity, a passport and an identity card with valid zones,
 * and enrolled fingerprints (right and left index).
 *
 * @param recordId    the registry's id of the record
 * @param sex         'M' or 'F'
 * @param nationality ISO 3166-1 alpha-2 ("AZ")
 */
public record SyntheticPerson(String recordId, String surname, String givenNames, String patronymic, char sex,
                              LocalDate dateOfBirth, String nationality, SyntheticDocument passport,
                              SyntheticDocument identityCard, List<SyntheticFingerprint> fingerprints) {

    public SyntheticPerson {
        fingerprints = List.copyOf(fingerprints);
    }

    /** Templates of new impressions of this person's fingers, as a requesting state would capture them. */
    public List<byte[]> recapturedFingerprints(long seed) {
        Random random = new Random(seed);
        return fingerprints.stream().map(f -> f.recapture(random)).toList();
    }

    @Override
    public String toString() {
        return "SyntheticPerson[" + recordId + "]";
    }
}
