package org.readmission.caseview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.Topics;
import org.readmission.events.cases.CaseRegistered;
import org.readmission.events.common.*;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.*;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.events.reintegration.ReintegrationOutcome;
import org.readmission.events.reintegration.ReintegrationProviderAssigned;
import org.readmission.messaging.EventPublisher;

/** Case events as the case workflow publishes them (real Avro records), and a way to put them on the topics. */
public final class CaseEventFixtures {

    private CaseEventFixtures() {
    }

    public record Published(String topic, String caseId, String ceId, SpecificRecord event) {
    }

    /** One case of two parties; builds its events. */
    public record Case(String caseId, String applicationId, String requesting, String requested) {

        public static Case of(String caseId, String requesting, String requested) {
            return new Case(caseId, "APP-" + caseId, requesting, requested);
        }

        public CaseRef ref() {
            return CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId(applicationId)
                    .setRequestingParty(PartyCode.newBuilder().setValue(requesting).build())
                    .setRequestedParty(PartyCode.newBuilder().setValue(requested).build()).build();
        }

        public ApplicationForwarded forwarded(Instant at, ProcedureType procedure, List<Person> persons) {
            ReadmissionApplicationSubmitted application = ReadmissionApplicationSubmitted.newBuilder()
                    .setApplicationId(applicationId).setRequestingParty(ref().getRequestingParty())
                    .setRequestedParty(ref().getRequestedParty()).setProcedure(procedure)
                    .setCategory(PersonCategory.OWN_NATIONAL).setSubmittedAt(at).setApprehension(null)
                    .setPersons(persons).setRemarks(null).build();
            return ApplicationForwarded.newBuilder().setCaseRef(ref()).setOccurredAt(at).setReceivedAt(at)
                    .setApplication(application).build();
        }

        public CaseRegistered registered(Instant at) {
            return CaseRegistered.newBuilder().setCaseRef(ref()).setOccurredAt(at).setProcedure(ProcedureType.NORMAL)
                    .setCategory(PersonCategory.OWN_NATIONAL).setPersonCount(1).setReceivedAt(at).build();
        }

        public ReplyDeadlineSet deadlineSet(Instant at, Instant due) {
            return ReplyDeadlineSet.newBuilder().setCaseRef(ref()).setOccurredAt(at).setDeadline(deadline(DeadlineKind.REPLY, at, due)).build();
        }

        public ReplyDeadlineExtended extended(Instant at, Instant due) {
            return ReplyDeadlineExtended.newBuilder().setCaseRef(ref()).setOccurredAt(at)
                    .setDeadline(deadline(DeadlineKind.EXTENDED_REPLY, at, due)).setMotivation("documents awaited from the registry").build();
        }

        public ReplyTimeLimitExpired expired(Instant at, Instant due) {
            return ReplyTimeLimitExpired.newBuilder().setCaseRef(ref()).setOccurredAt(at).setDeadline(deadline(DeadlineKind.REPLY, at, due)).build();
        }

        public IdentityVerificationCompleted verified(Instant at, String personId) {
            return IdentityVerificationCompleted.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId)
                    .setOutcome(VerificationOutcome.CONFIRMED).setReasons(List.of("PASSPORT_REGISTRY_MATCH"))
                    .setEvidenceClass(AnnexClass.PROOF).setFingerprintScoreBand(null).setCompletedAt(at).build();
        }

        public ReadmissionDecided decided(Instant at, ReadmissionDecisionType type, String... personIds) {
            List<PersonOutcome> outcomes = new ArrayList<>();
            for (String personId : personIds) {
                boolean approved = type != ReadmissionDecisionType.REFUSED;
                outcomes.add(PersonOutcome.newBuilder().setPersonId(personId).setApproved(approved)
                        .setRefusalReasons(approved ? List.of() : List.of(RefusalReason.NATIONALITY_NOT_ESTABLISHED)).build());
            }
            return ReadmissionDecided.newBuilder().setCaseRef(ref()).setOccurredAt(at).setDecision(type)
                    .setPersonOutcomes(outcomes).setDecidedBy(ref().getRequestedParty()).setMotivation("checked against the registry").build();
        }

        public TravelDocumentIssued travelDocument(Instant at, String personId) {
            return TravelDocumentIssued.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId)
                    .setDocumentNumber("LP12345").setValidUntil(LocalDate.of(2030, 1, 1)).setDeadlineMet(true).build();
        }

        public TransferScheduled transferScheduled(Instant at, Instant when) {
            return TransferScheduled.newBuilder().setCaseRef(ref()).setOccurredAt(at).setScheduledAt(when)
                    .setBorderCrossingPoint("GYD airport").setDeadline(deadline(DeadlineKind.TRANSFER, at, when.plusSeconds(86400 * 60))).build();
        }

        public TransferCompleted transferCompleted(Instant at, String... personIds) {
            return TransferCompleted.newBuilder().setCaseRef(ref()).setOccurredAt(at).setHandedOverAt(at)
                    .setBorderCrossingPoint("GYD airport").setPersonIds(List.of(personIds)).build();
        }

        public ProtectionHoldPlaced holdPlaced(Instant at) {
            return ProtectionHoldPlaced.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(null)
                    .setConcern(ProtectionConcern.NON_REFOULEMENT).setPlacedBy(ref().getRequestingParty()).build();
        }

        public ProtectionHoldReleased holdReleased(Instant at) {
            return ProtectionHoldReleased.newBuilder().setCaseRef(ref()).setOccurredAt(at).setReleasedBy("officer")
                    .setJustification("no risk found after review").build();
        }

        public ReintegrationReferralRequested referral(Instant at, String personId) {
            return ReintegrationReferralRequested.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId)
                    .setConsentGiven(true).setVulnerabilities(List.of()).setNeeds(List.of()).setRegion(null).build();
        }

        public ReintegrationProgressReported progress(Instant at, String personId, ReintegrationStage stage) {
            return ReintegrationProgressReported.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId)
                    .setProviderParty(PartyCode.newBuilder().setValue("AZ-IOM").build()).setStage(stage).setNote(null).build();
        }

        public IdentityVerificationCompleted interviewRequired(Instant at, String personId) {
            return IdentityVerificationCompleted.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId)
                    .setOutcome(VerificationOutcome.INTERVIEW_REQUIRED).setReasons(List.of("NO_IDENTITY_DOCUMENT"))
                    .setEvidenceClass(AnnexClass.UNCLASSIFIED).setFingerprintScoreBand(null).setCompletedAt(at).build();
        }

        public ConsularInterviewScheduled interviewScheduled(Instant at, String personId, Instant when, String place) {
            return ConsularInterviewScheduled.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId)
                    .setScheduledAt(when).setPlace(place).setTargetDate(deadline(DeadlineKind.INTERVIEW, at, when.plusSeconds(86400 * 3))).build();
        }

        public ConsularInterviewHeld interviewHeld(Instant at, String personId, boolean confirmed) {
            return ConsularInterviewHeld.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId)
                    .setNationalityConfirmed(confirmed).setHeldAt(at).build();
        }

        public ReintegrationProviderAssigned providerAssigned(Instant at, String personId, String provider) {
            return ReintegrationProviderAssigned.newBuilder().setCaseRef(ref()).setOccurredAt(at).setReferralId("REF-" + personId)
                    .setPersonId(personId).setAttempt(1)
                    .setProviderParty(provider == null ? null : PartyCode.newBuilder().setValue(provider).build()).build();
        }

        public ReintegrationConsentWithdrawn consentWithdrawn(Instant at, String personId) {
            return ReintegrationConsentWithdrawn.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId)
                    .setRecordedBy(requested).build();
        }

        public ReintegrationClosed reintegrationClosed(Instant at, String personId, ReintegrationOutcome outcome) {
            return ReintegrationClosed.newBuilder().setCaseRef(ref()).setOccurredAt(at).setPersonId(personId).setOutcome(outcome).build();
        }

        /** The requesting party corrected one person's data: the whole record, as the case workflow publishes it. */
        public org.readmission.events.partner.PersonalDataRectified rectified(Instant at, Person corrected) {
            return org.readmission.events.partner.PersonalDataRectified.newBuilder().setCaseRef(ref()).setOccurredAt(at)
                    .setCorrectedBy(ref().getRequestingParty()).setPerson(corrected)
                    .setCorrectedFields(List.of("name", "documents")).setCorrectionId(UUID.randomUUID().toString()).build();
        }

        public CaseClosed closed(Instant at, CaseOutcome outcome) {
            return CaseClosed.newBuilder().setCaseRef(ref()).setOccurredAt(at).setOutcome(outcome).setClosedAt(at).build();
        }
    }

    public static Person person(String personId, String given, String surname, String nativeScript, String documentNumber) {
        DocumentRef passport = DocumentRef.newBuilder().setDocumentType(DocumentType.NATIONAL_PASSPORT).setNumber(documentNumber)
                .setIssuingCountry("AZE").setIssuedOn(null).setExpiresOn(LocalDate.of(2029, 5, 1)).setCopyOnly(false)
                .setMachineReadableZone(null).build();
        EvidenceItem evidence = EvidenceItem.newBuilder().setEvidenceId("ev-" + personId).setKind(EvidenceKind.DOCUMENT)
                .setAnnexClass(AnnexClass.PROOF).setDocument(passport).setDescription(null).build();
        return Person.newBuilder().setPersonId(personId).setRole(PersonRole.MAIN_PERSON)
                .setName(PersonName.newBuilder().setGivenNames(given).setSurname(surname).setPatronymic(null).setNativeScript(nativeScript).build())
                .setDateOfBirth(LocalDate.of(1990, 4, 12)).setPlaceOfBirth(null).setSex(Sex.MALE).setClaimedNationality("AZE")
                .setDocuments(List.of(passport)).setEvidence(List.of(evidence)).setInterviewRequested(false)
                .setFingerprintsAvailable(false).setFingerprints(List.of()).setProtectionClaimRaised(false).build();
    }

    /** Publishes as the case workflow would: key and subject = case id, a fresh ce_id unless given. */
    public static Published publish(EventPublisher publisher, Case c, SpecificRecord event) {
        return publish(publisher, c, event, UUID.randomUUID().toString());
    }

    public static Published publish(EventPublisher publisher, Case c, SpecificRecord event, String ceId) {
        String topic = event instanceof IdentityVerificationCompleted ? Topics.IDENTITY_VERIFICATION_RESULTS
                : event instanceof ReintegrationReferralRequested || event instanceof ReintegrationClosed
                        || event instanceof ReintegrationConsentWithdrawn ? Topics.REINTEGRATION_REFERRALS
                : event instanceof ReintegrationProgressReported || event instanceof ReintegrationProviderAssigned ? Topics.REINTEGRATION_UPDATES
                : Topics.CASE_EVENTS;
        publisher.publish(topic, c.caseId(), ceId, event, Instant.now());
        return new Published(topic, c.caseId(), ceId, event);
    }

    private static Deadline deadline(DeadlineKind kind, Instant start, Instant due) {
        return Deadline.newBuilder().setKind(kind).setStartsAt(start).setDueAt(due).setRule("15 calendar days")
                .setCalendar("AZ public holidays").setProfileId("eu-az/1").setSource("EU-AZ readmission agreement, Art. 11")
                .setConfidence("REPORTED").build();
    }
}
