package org.readmission.simulator.generator;

import java.time.Instant;

import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.EventType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;

/**
 * Puts applications into the envelope partners use: key = applicationId, value = Avro single-object encoding,
 * CloudEvents headers with {@code ce_source} = the sending party and a {@code ce_id} unique to the run.
 */
public final class SubmissionFactory {

    private static final EventCatalog CATALOG = EventCatalog.v1();

    private final AvroCodec codec = new AvroCodec(CATALOG);
    private final EventType applicationType = CATALOG.of(ReadmissionApplicationSubmitted.class);
    private final String runTag;
    private long sequence;

    public SubmissionFactory(String runTag) {
        this.runTag = runTag;
    }

    /** A valid application, sent by its requesting party; the gateway should acknowledge it. */
    public Submission valid(ReadmissionApplicationSubmitted application) {
        return of("valid", application, application.getRequestingParty().getValue(), Expectation.acknowledged());
    }

    public Submission rejected(String label, ReadmissionApplicationSubmitted application, ReasonCode expected) {
        return of(label, application, application.getRequestingParty().getValue(), Expectation.rejected(expected));
    }

    public Submission of(String label, ReadmissionApplicationSubmitted application, String sender, Expectation expected) {
        return new Submission(label, application.getApplicationId(), encode(application),
                attributes(sender, application.getSubmittedAt()), application.getApplicationId(), application, expected);
    }

    /** Any bytes under the headers of an application (for payloads the gateway cannot decode). */
    public Submission raw(String label, String sender, String key, byte[] value, Instant time, String applicationId,
                          Expectation expected) {
        return new Submission(label, key, value, attributes(sender, time), applicationId, null, expected);
    }

    public byte[] encode(ReadmissionApplicationSubmitted application) {
        return codec.encode(application);
    }

    public AvroCodec codec() {
        return codec;
    }

    private CloudEventAttributes attributes(String sender, Instant time) {
        String ceId = EventIds.deterministic("partner-simulator", runTag, Long.toString(++sequence));
        return CloudEventAttributes.of(applicationType, ceId, sender, null, time);
    }
}
