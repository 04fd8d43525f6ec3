package org.readmission.caseview.cases;

import org.readmission.protection.SensitiveField;

/**
 * What the read model keeps encrypted ({@link ReadModelEncryption}). The field name goes into the associated data of
 * the ciphertext: {@code <case id>[/<person id, event id or deadline kind>]/<field name>}, so a value copied to another
 * case, person or field does not decrypt.
 */
public enum SensitiveCaseFields implements SensitiveField {
    GIVEN_NAMES("givenNames"),
    SURNAME("surname"),
    PATRONYMIC("patronymic"),
    /** The name as written in the person's own script. */
    NATIVE_SCRIPT("nativeScript"),
    DATE_OF_BIRTH("dateOfBirth"),
    /** The number of an identity document the application names (searched through the blind index). */
    DOCUMENT_NUMBER("documentNumber"),
    /** Free text about a piece of evidence (may quote numbers or circumstances). */
    EVIDENCE_DESCRIPTION("evidenceDescription"),
    /** Whether the person raised a protection claim. */
    PROTECTION_CLAIM_RAISED("protectionClaimRaised"),
    /** The identity verification's reasons for an officer. */
    VERIFICATION_REASONS("verificationReasons"),
    /** The number of a travel document the requested party issued. */
    TRAVEL_DOCUMENT_NUMBER("travelDocumentNumber"),
    /** The ground of an open protection hold (asylum claim, non-refoulement, other). */
    PROTECTION_CONCERN("protectionConcern"),
    /** The arguments of a timeline entry about a protection hold (they name its ground). */
    PROTECTION_TIMELINE("protectionTimelineArgs"),
    /** The decision's free-text motivation. */
    DECISION_MOTIVATION("decisionMotivation"),
    /** How a time limit was computed; an extension's includes its free-text motivation. */
    DEADLINE_EXPLANATION("deadlineExplanation"),
    /** The displayed name of the main person on a list row ({@code case_index}, {@code task_index}). */
    MAIN_PERSON_NAME("mainPersonName");

    private final String fieldName;

    SensitiveCaseFields(String fieldName) {
        this.fieldName = fieldName;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }

    /** As failures name it ("could not decrypt documentNumber of RC-…/P1"). */
    @Override
    public String toString() {
        return fieldName;
    }
}
