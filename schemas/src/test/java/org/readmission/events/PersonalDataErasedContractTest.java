package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.ErasureReason;
import org.readmission.events.partner.ErasureScope;
import org.readmission.events.partner.PersonalDataErased;

/**
 * The erasure notice as a partner reads it: the case with both parties, when, why and what was erased — and nothing
 * that is itself personal data (only ids), so the notice can be kept as proof.
 */
class PersonalDataErasedContractTest {

  @Test
  void isAPartnerFacingCaseEventOfTheCatalogue() {
    EventType type = EventCatalog.v1().of(PersonalDataErased.class);

    assertThat(type.ceType()).isEqualTo("org.readmission.case.personal-data-erased.v1");
    assertThat(type.partnerFacing()).isTrue();
  }

  @Test
  void saysWhoseCaseWhenWhyAndWhatWithIdsOnly() {
    Schema schema = PersonalDataErased.getClassSchema();

    assertThat(schema.getFields()).extracting(Schema.Field::name).containsExactly("caseRef", "occurredAt", "erasedAt",
        "reason", "scope", "personIds", "retentionEndedAt", "note");
    assertThat(ErasureReason.values()).extracting(Enum::name)
        .contains("RETENTION_EXPIRED", "RECTIFICATION", "CONSENT_WITHDRAWN", "OTHER");
    assertThat(namedTypesIn(schema)).doesNotContain("org.readmission.events.common.Person",
        "org.readmission.events.common.PersonName", "org.readmission.events.common.DocumentRef",
        "org.readmission.events.common.FingerprintTemplate");
  }

  @Test
  void roundTripsThroughTheCodec() throws Exception {
    PersonalDataErased erased = PersonalDataErased.newBuilder()
        .setCaseRef(CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue("RC-1").build()).setApplicationId("A-1")
            .setRequestingParty(PartyCode.newBuilder().setValue("DE-BPOL").build())
            .setRequestedParty(PartyCode.newBuilder().setValue("AZ-SMS").build()).build())
        .setOccurredAt(Instant.parse("2031-03-03T09:30:00Z")).setErasedAt(Instant.parse("2031-03-03T09:30:00Z"))
        .setReason(ErasureReason.RETENTION_EXPIRED).setScope(List.of(ErasureScope.REINTEGRATION))
        .setPersonIds(List.of("P-1")).setRetentionEndedAt(Instant.parse("2031-03-01T00:00:00Z")).build();
    AvroCodec codec = new AvroCodec(EventCatalog.v1());

    assertThat(codec.decode(codec.encode(erased))).isEqualTo(erased);
  }

  private static List<String> namedTypesIn(Schema schema) {
    List<String> names = new ArrayList<>();
    collect(schema, names);
    return names;
  }

  private static void collect(Schema schema, List<String> names) {
    switch (schema.getType()) {
      case RECORD -> {
        if (names.contains(schema.getFullName())) {
          return;
        }
        names.add(schema.getFullName());
        schema.getFields().forEach(field -> collect(field.schema(), names));
      }
      case ENUM, FIXED -> names.add(schema.getFullName());
      case ARRAY -> collect(schema.getElementType(), names);
      case MAP -> collect(schema.getValueType(), names);
      case UNION -> schema.getTypes().forEach(type -> collect(type, names));
      default -> {
      }
    }
  }
}
