package org.readmission.identity.verification;

/** Where a stored result is between "decided" and "on Kafka". */
enum PublicationStatus {
    PENDING_PUBLISH, PUBLISHED
}
