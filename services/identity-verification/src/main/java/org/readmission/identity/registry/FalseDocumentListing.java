package org.readmission.identity.registry;

/** Why a document is on the list: it never counts as evidence. */
public enum FalseDocumentListing {
    LOST, STOLEN, FORGED
}
