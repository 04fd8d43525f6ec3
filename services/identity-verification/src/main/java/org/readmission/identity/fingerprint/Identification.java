package org.readmission.identity.fingerprint;

/** A 1:N search hit: the registry record whose enrolled fingerprints match best, and how well. */
public record Identification(String recordId, Comparison comparison) {
}
