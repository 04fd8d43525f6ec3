package org.readmission.identity.assessment;

/** What the registry says of a document number. */
public enum RegistryStanding {
    /** no number to search with */
    NOT_SEARCHED,
    /** no record of this number */
    NOT_FOUND,
    /** issued to a record with the declared name and date of birth */
    SAME_PERSON,
    /** issued to a record with another name or date of birth */
    OTHER_PERSON
}
