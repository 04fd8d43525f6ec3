package org.readmission.identity.assessment;

/** What the fingerprint comparison with the registry showed. */
public enum FingerprintStanding {
    NOT_COMPARED,
    /** 1:1 against the record the documents or name point to: a match */
    MATCHES_CLAIMED_IDENTITY,
    /** 1:1 against that record: no match */
    CONTRADICTS_CLAIMED_IDENTITY,
    /** 1:N with no identity claimed: a record matched */
    IDENTIFIED_IN_REGISTRY,
    /** 1:N: no record matched */
    NOT_FOUND_IN_REGISTRY,
    /** the templates sent could not be read */
    UNREADABLE
}
