package org.readmission.identity.testdata;

import java.time.LocalDate;

/**
 * A document on the requested state's list of lost, stolen or forged documents, with the fictitious holder that a
 * requesting state would present it for.
 *
 * @param listing "LOST", "STOLEN" or "FORGED"
 */
public record SyntheticFalseDocument(SyntheticPerson presentedBy, SyntheticDocument document, String listing,
                                     LocalDate reportedOn) {

    @Override
    public String toString() {
        return "SyntheticFalseDocument[" + listing + "]";
    }
}
