package org.readmission.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.readmission.events.partner.TransferProposed;

class CloudEventHeadersTest {

  private static final Instant TIME = Instant.parse("2025-03-23T09:30:00.125Z");
  private final EventType transferProposed = EventCatalog.v1().of(TransferProposed.class);

  @Test
  void writesAndReadsBackEveryAttribute() {
    CloudEventAttributes attributes = CloudEventAttributes.of(transferProposed,
        EventIds.deterministic("DE-BPOL", "transfer", "RC-1F3A9C04B2D7"), "DE-BPOL", "RC-1F3A9C04B2D7", TIME);
    RecordHeaders headers = new RecordHeaders();

    CloudEventHeaders.write(headers, attributes);

    assertThat(CloudEventHeaders.read(headers)).isEqualTo(attributes);
    assertThat(CloudEventHeaders.header(headers, "ce_time")).isEqualTo("2025-03-23T09:30:00.125Z");
    assertThat(CloudEventHeaders.header(headers, "ce_type")).isEqualTo("org.readmission.transfer.proposed.v1");
    assertThat(CloudEventHeaders.header(headers, "content-type")).isEqualTo("application/avro");
    assertThat(CloudEventHeaders.header(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(CloudEventHeaders.header(headers, "ce_dataschema")).isEqualTo(transferProposed.dataSchema());
    assertThat(attributes.missingRequired()).isEmpty();
  }

  @Test
  void replacesHeadersOfTheSameName() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.ID, "old".getBytes(UTF_8));

    CloudEventHeaders.write(headers, CloudEventAttributes.of(transferProposed, "new", "DE-BPOL", null, TIME));

    assertThat(headers.headers(CloudEventHeaders.ID)).hasSize(1);
    assertThat(CloudEventHeaders.header(headers, CloudEventHeaders.ID)).isEqualTo("new");
    assertThat(headers.lastHeader(CloudEventHeaders.SUBJECT)).isNull();
  }

  @Test
  void reportsMissingRequiredHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.SOURCE, " ".getBytes(UTF_8));

    CloudEventAttributes read = CloudEventHeaders.read(headers);

    assertThat(read.missingRequired()).containsExactly("ce_id", "ce_type", "ce_source", "ce_specversion");
    assertThat(read.subject()).isNull();
    assertThat(read.time()).isNull();
  }

  @Test
  void readsUnparsableTimeAsNull() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.TIME, "yesterday at noon".getBytes(UTF_8));

    assertThat(CloudEventHeaders.read(headers).time()).isNull();
  }

  @Test
  void readsTimeWithAnOffset() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.TIME, "2025-03-23T13:30:00.125+04:00".getBytes(UTF_8));

    assertThat(CloudEventHeaders.read(headers).time()).isEqualTo(TIME);
  }
}
