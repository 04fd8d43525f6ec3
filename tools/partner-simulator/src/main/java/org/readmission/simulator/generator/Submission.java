package org.readmission.simulator.generator;

import org.readmission.events.CloudEventAttributes;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;

/**
 * One record for {@code readmission.partner-submissions}: key, value bytes and CloudEvents attributes, with what it
 * is (label) and what the gateway should answer. {@code application} is null when the value is not one.
 */
public record Submission(String label, String key, byte[] value, CloudEventAttributes attributes, String applicationId,
                         ReadmissionApplicationSubmitted application, Expectation expected) {

    public String ceId() {
        return attributes.id();
    }

    /** The sending party ({@code ce_source}): its notification topic carries the answer. */
    public String sender() {
        return attributes.source();
    }
}
