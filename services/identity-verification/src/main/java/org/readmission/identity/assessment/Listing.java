package org.readmission.identity.assessment;

/** Whether the document is on the requested state's list of lost, stolen or forged documents. */
public enum Listing {
    NOT_LISTED, LOST, STOLEN, FORGED
}
