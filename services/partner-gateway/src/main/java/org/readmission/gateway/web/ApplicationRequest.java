package org.readmission.gateway.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.DocumentType;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;

/**
 * A readmission application as JSON, for agencies without Kafka. Same content as the Avro record
 * {@code ReadmissionApplicationSubmitted}; the requesting party is the sender given in {@code X-Party-Code}.
 */
@Schema(description = "A readmission application (same content as ReadmissionApplicationSubmitted.avsc)")
public record ApplicationRequest(
        @NotBlank @Schema(description = "Your own reference of the application, unique for your party", example = "DE-BPOL-2026-000123") String applicationId,
        @NotBlank @Schema(description = "Party asked to readmit", example = "AZ-SMS") String requestedParty,
        @NotNull ProcedureType procedure,
        @NotNull PersonCategory category,
        @NotNull @Schema(description = "When you sent it; repeat the same value when you retry") Instant submittedAt,
        @Valid ApprehensionJson apprehension,
        @NotEmpty List<@Valid PersonJson> persons,
        String remarks) {

    public record ApprehensionJson(@NotNull Instant apprehendedAt, @NotBlank String place, boolean inBorderRegion,
                                   @Schema(example = "AZ") String crossedDirectlyFrom) {
    }

    public record PersonJson(
            @NotBlank String personId,
            @NotNull PersonRole role,
            @NotBlank String givenNames,
            @NotBlank String surname,
            String patronymic,
            String nativeScript,
            @NotNull LocalDate dateOfBirth,
            String placeOfBirth,
            @NotNull Sex sex,
            @Schema(example = "AZ") String claimedNationality,
            List<@Valid DocumentJson> documents,
            List<@Valid EvidenceJson> evidence,
            boolean interviewRequested,
            boolean fingerprintsAvailable,
            @Schema(description = "Fingerprint templates (biometric data), each as base64 bytes") List<@Valid FingerprintJson> fingerprints,
            boolean protectionClaimRaised) {
    }

    public record FingerprintJson(@Schema(example = "2", description = "ISO/IEC 19794-2 finger position code") @NotBlank String finger,
                                  @Schema(example = "ISO_19794_2_2005") String format,
                                  @Schema(description = "the template, base64") @NotNull byte[] template) {
    }

    public record DocumentJson(@NotNull DocumentType documentType, String number, String issuingCountry,
                               LocalDate issuedOn, LocalDate expiresOn, boolean copyOnly,
                               @Schema(description = "The ICAO 9303 machine-readable zone as read, lines separated by \\n")
                               String machineReadableZone) {
    }

    public record EvidenceJson(@NotBlank String evidenceId, @NotNull EvidenceKind kind, @NotNull AnnexClass annexClass,
                               @Valid DocumentJson document, String description) {
    }
}
