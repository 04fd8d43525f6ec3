package org.readmission.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An audit record has no place for personal data, and refuses free text where an identifier belongs. */
class AuditEntryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");

    @Test
    void recordHoldsOnlyWhoPartyWhatCaseWhyWhenAndItsPlaceInTheChain() {
        List<String> fields = Arrays.stream(AuditRecord.class.getRecordComponents()).map(c -> c.getName()).toList();

        assertThat(fields).containsExactly("id", "chain", "sequence", "at", "who", "party", "action", "what", "reference",
                "caseId", "purpose", "outcome", "previousHash", "hash");
        assertThat(Arrays.stream(AuditRecord.class.getRecordComponents()).map(c -> c.getType()))
                .allMatch(t -> t == String.class || t == long.class || t == Instant.class || t == AuditAction.class);
    }

    @Test
    void refusesFreeTextSuchAsANameWhereAnIdentifierBelongs() {
        assertThatThrownBy(() -> new AuditEntry(NOW, AuditEntry.service("partner-gateway"), "DE-BPOL", AuditAction.READ_PERSONAL_DATA,
                "Elvin Mammadov", null, "RC-000000000001", "readmission exchange", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'what'").hasMessageNotContaining("Elvin");
        assertThatThrownBy(() -> new AuditEntry(NOW, AuditEntry.service("partner-gateway"), "DE-BPOL", AuditAction.MESSAGE_REJECTED,
                "org.readmission.application.submitted.v1", null, null, "readmission exchange", "birth date 1990-01-01 in the future"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'outcome'");
    }

    @Test
    void namesOfFieldsAreFineValuesFromOutsideAreMadeSafe() {
        AuditEntry entry = new AuditEntry(NOW, AuditEntry.user("officer-17"), "DE-BPOL", AuditAction.READ_PERSONAL_DATA,
                "persons.name,persons.birthDate,persons.documents", null, "RC-000000000001", "readmission case handling", null);

        assertThat(entry.what()).isEqualTo("persons.name,persons.birthDate,persons.documents");
        assertThat(AuditValues.identifier("7f0c2a9e-2f1b-4a51-9d7e-0c6c1b2f6b31")).isEqualTo("7f0c2a9e-2f1b-4a51-9d7e-0c6c1b2f6b31");
        assertThat(AuditValues.identifier("Elvin Mammadov 1990-01-01")).startsWith("sha256:").doesNotContain("Elvin");
    }

    @Test
    void hashCoversEveryFieldAndThePreviousHash() {
        AuditEntry entry = new AuditEntry(NOW, AuditEntry.partner("DE-BPOL"), "DE-BPOL", AuditAction.MESSAGE_RECEIVED,
                "org.readmission.application.submitted.v1", "id-1", "RC-000000000001", "readmission exchange", "ACCEPTED");
        AuditRecord record = AuditRecord.chained("c", 1, AuditRecord.GENESIS, entry);

        assertThat(record.hash()).hasSize(64).isEqualTo(record.computeHash());
        assertThat(AuditRecord.chained("c", 1, "1".repeat(64), entry).hash()).isNotEqualTo(record.hash());
        assertThat(AuditRecord.chained("c", 2, AuditRecord.GENESIS, entry).hash()).isNotEqualTo(record.hash());
    }
}
