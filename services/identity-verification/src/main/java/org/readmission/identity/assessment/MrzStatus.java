package org.readmission.identity.assessment;

/** The machine-readable zone of a document, as far as it was checked. */
public enum MrzStatus {
    ABSENT, VALID, INVALID
}
