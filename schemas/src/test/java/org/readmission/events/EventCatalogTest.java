package org.readmission.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.Person;
import org.readmission.events.partner.ApplicationWithdrawn;
import org.readmission.events.partner.EvidenceSubmitted;
import org.readmission.events.partner.PersonalDataCorrected;
import org.readmission.events.partner.ProtectionConcernRaised;
import org.readmission.events.partner.ReadmissionDecisionSubmitted;
import org.readmission.events.partner.ReplyExtensionRequested;
import org.readmission.events.partner.TransferConfirmed;
import org.readmission.events.partner.TransferProposed;

class EventCatalogTest {

  static final Path SCHEMAS = Path.of("src/main/avro");
  private static final Set<Class<?>> PARTNER_SUBMISSIONS = Set.of(EvidenceSubmitted.class,
      ReadmissionDecisionSubmitted.class, ReplyExtensionRequested.class, TransferProposed.class,
      TransferConfirmed.class, ApplicationWithdrawn.class, ProtectionConcernRaised.class, PersonalDataCorrected.class);
  private static final Set<Class<?>> COMMANDS = Set.of(OpenReadmissionCase.class, RecordPartnerSubmission.class);

  private final EventCatalog catalog = EventCatalog.v1();
  private final List<AvscFile> files = AvscFile.parseTree(SCHEMAS);

  @Test
  void containsEverySchemaThatCarriesACeType() {
    Set<String> withCeType = files.stream().filter(AvscFile::isEvent).map(AvscFile::fullName)
        .collect(Collectors.toSet());

    assertThat(catalog.all()).extracting(type -> type.schema().getFullName())
        .containsExactlyInAnyOrderElementsOf(withCeType);
  }

  @Test
  void takesCeTypeAndPartnerFacingFromTheSchemaFiles() {
    Map<String, AvscFile> byName = files.stream().collect(Collectors.toMap(AvscFile::fullName, Function.identity()));

    assertThat(catalog.all()).allSatisfy(type -> {
      AvscFile file = byName.get(type.schema().getFullName());
      assertThat(type.ceType()).isEqualTo(file.ceType());
      assertThat(type.partnerFacing()).as(type.ceType()).isEqualTo(file.folder().equals("partner"));
    });
  }

  @Test
  void hasUniqueCeTypesAndFingerprints() {
    assertThat(catalog.all()).extracting(EventType::ceType).doesNotHaveDuplicates()
        .allMatch(ceType -> ceType.matches("org\\.readmission(\\.[a-z][a-z-]*)+\\.v1"));
    assertThat(catalog.all()).extracting(EventType::fingerprint).doesNotHaveDuplicates();
  }

  @Test
  void caseEventsCarryCaseRefAndOccurredAt() {
    List<EventType> caseEvents = catalog.all().stream()
        .filter(type -> type.ceType().matches("org\\.readmission\\.(case|identity|reintegration)\\..*"))
        .toList();

    assertThat(caseEvents).hasSizeGreaterThan(15).allSatisfy(type -> {
      assertThat(fieldType(type, "caseRef")).as(type.ceType()).isEqualTo(CaseRef.getClassSchema());
      if (!COMMANDS.contains(type.recordClass())) {
        assertThat(fieldType(type, "occurredAt")).as(type.ceType()).isEqualTo(timestampMillis());
      }
    });
  }

  @Test
  void partnerSubmissionsNameTheirCaseAndApplication() {
    assertThat(catalog.all()).filteredOn(type -> PARTNER_SUBMISSIONS.contains(type.recordClass()))
        .hasSize(PARTNER_SUBMISSIONS.size())
        .allSatisfy(type -> {
          assertThat(fieldType(type, "caseId")).isEqualTo(CaseId.getClassSchema());
          assertThat(fieldType(type, "applicationId").getType()).isEqualTo(Schema.Type.STRING);
          assertThat(fieldType(type, "sentAt")).isEqualTo(timestampMillis());
        });
  }

  @Test
  void everyEnumHasADefaultSymbolForEvolution() {
    assertThat(files).filteredOn(file -> file.schema().getType() == Schema.Type.ENUM)
        .allSatisfy(file -> assertThat(file.schema().getEnumDefault()).as(file.fullName()).isNotNull());
  }

  @Test
  void folderAndNamespaceAgree() {
    assertThat(files).filteredOn(file -> file.folder().equals("partner"))
        .allSatisfy(file -> assertThat(file.schema().getNamespace()).isEqualTo(EventCatalog.PARTNER_NAMESPACE));
    assertThat(files).filteredOn(file -> !file.folder().equals("partner"))
        .allSatisfy(file -> assertThat(file.schema().getNamespace()).isNotEqualTo(EventCatalog.PARTNER_NAMESPACE));
  }

  @Test
  void namesTheSchemaAndFingerprintInDataSchema() {
    EventType type = catalog.of(TransferProposed.class);

    assertThat(type.dataSchema()).isEqualTo("urn:avro:org.readmission.events.partner.TransferProposed:crc64-"
        + String.format("%016x", type.fingerprint()));
    assertThat(catalog.all()).allSatisfy(t -> assertThat(t.dataSchema())
        .matches("urn:avro:" + t.schema().getFullName().replace(".", "\\.") + ":crc64-[0-9a-f]{16}"));
  }

  @Test
  void findsTypesByCeTypeAndFingerprint() {
    EventType type = catalog.of(TransferProposed.class);

    assertThat(catalog.byCeType("org.readmission.transfer.proposed.v1")).contains(type);
    assertThat(catalog.byFingerprint(type.fingerprint())).contains(type);
    assertThat(catalog.byCeType("org.readmission.transfer.proposed.v2")).isEmpty();
    assertThat(type.partnerFacing()).isTrue();
    assertThat(catalog.of(RecordPartnerSubmission.class).partnerFacing()).isFalse();
  }

  @Test
  void refusesTypesWithoutCeType() {
    assertThatThrownBy(() -> catalog.of(Person.class)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventCatalog.of(List.of(Person.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ceType");
  }

  private static Schema fieldType(EventType type, String field) {
    Schema.Field f = type.schema().getField(field);
    assertThat(f).as(type.schema().getFullName() + "." + field).isNotNull();
    return f.schema();
  }

  private static Schema timestampMillis() {
    return new Schema.Parser().parse("{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}");
  }
}
