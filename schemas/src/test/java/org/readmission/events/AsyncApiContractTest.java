package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.readmission.events.common.CaseId;
import org.readmission.events.partner.ApplicationWithdrawn;

/** The AsyncAPI document partners read (schemas/asyncapi.yaml) against the schemas. */
class AsyncApiContractTest {

  private static final Path DOCUMENT = Path.of("asyncapi.yaml");
  private final AsyncApiContract contract = new AsyncApiContract(Path.of("."), EventCatalogTest.SCHEMAS);

  @Test
  void describesEveryPartnerFacingEventAndNothingElse() {
    Map<String, Object> document = AsyncApiContract.load(DOCUMENT);

    assertThat(contract.problems(document)).isEmpty();
    assertThat(map(map(document.get("components")).get("messages")))
        .hasSize((int) EventCatalog.v1().all().stream().filter(EventType::partnerFacing).count());
  }

  @Test
  void reportsMissingMessageAndInternalSchema() {
    String document = """
        asyncapi: 3.0.0
        components:
          messages:
            OpenCase:
              payload:
                schemaFormat: application/vnd.apache.avro+json;version=1.9.0
                schema:
                  $ref: './src/main/avro/internal/OpenReadmissionCase.avsc'
            ApplicationWithdrawn:
              headers:
                properties:
                  ce_type: {const: org.readmission.application.withdrawn.v2, description: type}
              payload:
                schemaFormat: application/vnd.apache.avro+json;version=1.9.0
                schema:
                  $ref: './src/main/avro/partner/ApplicationWithdrawn.avsc'
        """;

    List<String> problems = contract.problems(AsyncApiContract.parse(document));

    assertThat(problems)
        .contains("no message for org.readmission.events.partner.TransferProposed (org.readmission.transfer.proposed.v1)")
        .contains("message OpenCase: org.readmission.events.cases.OpenReadmissionCase is not a partner-facing event")
        .contains("message ApplicationWithdrawn: ce_type const is org.readmission.application.withdrawn.v2,"
            + " the schema says org.readmission.application.withdrawn.v1")
        .contains("message ApplicationWithdrawn: header ce_id is not documented")
        .contains("message ApplicationWithdrawn: no Kafka key (bindings.kafka.key)")
        .noneMatch(problem -> problem.startsWith("no message for org.readmission.events.partner.ApplicationWithdrawn"));
  }

  @Test
  void workedEncodingExampleMatchesTheCodec() {
    String description = String.valueOf(map(AsyncApiContract.load(DOCUMENT).get("info")).get("description"));
    ApplicationWithdrawn withdrawn = ApplicationWithdrawn.newBuilder()
        .setCaseId(CaseId.newBuilder().setValue("RC-1").build())
        .setApplicationId("A-1")
        .setSentAt(Instant.parse("2025-03-03T09:30:00Z"))
        .setReason("dup")
        .build();
    EventType type = EventCatalog.v1().of(ApplicationWithdrawn.class);

    assertThat(description)
        .contains(SchemaNormalization.toParsingForm(ApplicationWithdrawn.getClassSchema()))
        .contains(String.format("0x%016x", type.fingerprint()))
        .contains(type.dataSchema())
        .contains(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(new AvroCodec(EventCatalog.v1()).encode(withdrawn)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
