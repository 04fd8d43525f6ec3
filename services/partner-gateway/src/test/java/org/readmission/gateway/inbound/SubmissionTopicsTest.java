package org.readmission.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.readmission.events.CloudEventAttributes;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.gateway.party.PartyRole;

class SubmissionTopicsTest {

    static final String APPLICATION = "org.readmission.application.submitted.v1";

    final SubmissionTopics topics = new SubmissionTopics(new PartyDirectory("AZ", List.of(
            new Party("DE-BPOL", "Bundespolizei", "DE", PartyRole.COMPETENT_AUTHORITY, Set.of(APPLICATION)),
            new Party("AZ-SMS", "State Migration Service", "AZ", PartyRole.CENTRAL_AUTHORITY, Set.of(APPLICATION)),
            new Party("IOM-AZ", "IOM Azerbaijan", "AZ", PartyRole.REINTEGRATION_PROVIDER, Set.of()))));

    @Test
    void theSharedTopicAndTheOwnTopicOfEachSendingPartyAreReadNeverADeadLetterTopic() {
        assertThat(topics.consumed()).containsExactly("readmission.partner-submissions",
                "readmission.partner-submissions.az-sms", "readmission.partner-submissions.de-bpol");
        assertThat(topics.withDeadLetterTopics()).hasSize(6).contains("readmission.partner-submissions.de-bpol.dlt");
    }

    @Test
    void onlyAPartysOwnTopicTellsWhoWroteARecord() {
        assertThat(topics.writer("readmission.partner-submissions.de-bpol")).hasValueSatisfying(w -> assertThat(w.party()).isEqualTo("DE-BPOL"));
        assertThat(topics.writer("readmission.partner-submissions")).isEmpty();
        assertThat(topics.writer("readmission.partner-submissions.de-bpol.dlt")).isEmpty();
        assertThat(topics.writer("readmission.partner-submissions.iom-az")).isEmpty();
    }

    @Test
    void aRecordInAnotherPartysNameIsKeyedByItsWriter() {
        InboundRecord own = topics.authenticate(record("readmission.partner-submissions.de-bpol", "de-bpol"));
        assertThat(own.sentInItsWritersName()).isTrue();
        assertThat(own.dedupKey()).isEqualTo("ce:de-bpol:id-1");

        InboundRecord forged = topics.authenticate(record("readmission.partner-submissions.de-bpol", "AZ-SMS"));
        assertThat(forged.sentInItsWritersName()).isFalse();
        assertThat(forged.sender()).isEqualTo("DE-BPOL");
        assertThat(forged.dedupKey()).isEqualTo("ce:DE-BPOL:id-1");

        InboundRecord shared = topics.authenticate(record("readmission.partner-submissions", "AZ-SMS"));
        assertThat(shared.sentInItsWritersName()).isTrue();
        assertThat(shared.sender()).isEqualTo("AZ-SMS");
        assertThat(shared.dedupKey()).isEqualTo("ce:AZ-SMS:id-1");
    }

    static InboundRecord record(String topic, String source) {
        CloudEventAttributes attributes = new CloudEventAttributes("id-1", APPLICATION, source, null, Instant.now(), null, "application/avro", "1.0");
        return new InboundRecord(topic, 0, 1, "key", new byte[0], List.of(), attributes);
    }
}
