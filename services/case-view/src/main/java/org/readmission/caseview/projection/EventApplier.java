package org.readmission.caseview.projection;

import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.caseview.cases.CaseFile;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.cases.CaseRegistered;
import org.readmission.events.common.Deadline;
import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.Person;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.partner.ApplicationForwarded;
import org.readmission.events.partner.PersonalDataRectified;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.ConsularInterviewHeld;
import org.readmission.events.partner.ConsularInterviewScheduled;
import org.readmission.events.partner.PersonOutcome;
import org.readmission.events.partner.ProtectionHoldPlaced;
import org.readmission.events.partner.ProtectionHoldReleased;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.partner.ReplyDeadlineExtended;
import org.readmission.events.partner.ReplyDeadlineSet;
import org.readmission.events.partner.ReplyTimeLimitExpired;
import org.readmission.events.partner.TransferCompleted;
import org.readmission.events.partner.TransferScheduled;
import org.readmission.events.partner.TravelDocumentIssued;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.events.reintegration.ReintegrationProviderAssigned;

/**
 * Maps one decoded event onto the case file's transition (the Avro records stop here). Events of the catalogue the
 * read model does not interpret are still put on the timeline.
 */
final class EventApplier {

    private EventApplier() {
    }

    static void apply(CaseFile file, CloudEventAttributes ce, SpecificRecord event, Instant occurredAt) {
        if (event instanceof CaseRegistered e) {
            file.registered(applied(ce, occurredAt, "timeline.registered", e.getPersonCount()), e.getProcedure().name(),
                    e.getCategory().name(), e.getReceivedAt());
        } else if (event instanceof ApplicationForwarded e) {
            var application = e.getApplication();
            file.forwarded(applied(ce, occurredAt, "timeline.forwarded", application.getPersons().size()),
                    application.getProcedure().name(), application.getCategory().name(), e.getReceivedAt(),
                    application.getPersons().stream().map(EventApplier::person).toList());
        } else if (event instanceof ReplyDeadlineSet e) {
            file.deadlineSet(applied(ce, occurredAt, "timeline.reply-deadline-set", e.getDeadline().getDueAt()),
                    deadline(e.getDeadline(), null));
        } else if (event instanceof ReplyDeadlineExtended e) {
            file.deadlineSet(applied(ce, occurredAt, "timeline.reply-deadline-extended", e.getDeadline().getDueAt()),
                    deadline(e.getDeadline(), e.getMotivation()));
        } else if (event instanceof ReplyTimeLimitExpired e) {
            file.replyExpired(applied(ce, occurredAt, "timeline.reply-time-limit-expired", e.getDeadline().getDueAt()),
                    deadline(e.getDeadline(), null));
        } else if (event instanceof IdentityVerificationRequested e) {
            file.verificationRequested(applied(ce, occurredAt, "timeline.verification-requested", e.getPersonId()), e.getPersonId());
        } else if (event instanceof IdentityVerificationCompleted e) {
            file.verificationCompleted(applied(ce, occurredAt, "timeline.verification-completed", e.getPersonId(),
                    e.getOutcome().name()), e.getPersonId(), e.getOutcome().name(), e.getReasons(),
                    e.getEvidenceClass().name(), e.getCompletedAt());
        } else if (event instanceof ConsularInterviewScheduled e) {
            file.interviewScheduled(applied(ce, occurredAt, "timeline.interview-scheduled", e.getPersonId(), e.getScheduledAt()),
                    e.getPersonId(), e.getScheduledAt(), e.getPlace(), deadline(e.getTargetDate(), null));
        } else if (event instanceof ConsularInterviewHeld e) {
            file.interviewHeld(applied(ce, occurredAt, "timeline.interview-held", e.getPersonId(),
                    e.getNationalityConfirmed() ? "CONFIRMED" : "NOT_CONFIRMED"), e.getPersonId(), e.getNationalityConfirmed(), e.getHeldAt());
        } else if (event instanceof ReadmissionDecided e) {
            boolean afterExpiry = file.expiredAt() != null;
            List<String> approved = e.getPersonOutcomes().stream().filter(PersonOutcome::getApproved)
                    .map(PersonOutcome::getPersonId).toList();
            List<String> reasons = e.getPersonOutcomes().stream().flatMap(o -> o.getRefusalReasons().stream())
                    .map(Enum::name).distinct().toList();
            file.decided(applied(ce, occurredAt, "timeline.decided", e.getDecision().name()),
                    new CaseFile.Decision(e.getDecision().name(), occurredAt, e.getDecidedBy().getValue(),
                            e.getMotivation(), approved, reasons, afterExpiry));
        } else if (event instanceof TravelDocumentIssued e) {
            file.travelDocumentIssued(applied(ce, occurredAt, "timeline.travel-document-issued", e.getPersonId()),
                    new CaseFile.TravelDocument(e.getPersonId(), e.getDocumentNumber(), e.getValidUntil(),
                            e.getDeadlineMet(), occurredAt));
        } else if (event instanceof TransferScheduled e) {
            file.transferScheduled(applied(ce, occurredAt, "timeline.transfer-scheduled", e.getScheduledAt(),
                    e.getBorderCrossingPoint()), e.getScheduledAt(), e.getBorderCrossingPoint(), deadline(e.getDeadline(), null));
        } else if (event instanceof TransferCompleted e) {
            file.transferCompleted(applied(ce, occurredAt, "timeline.transfer-completed", e.getBorderCrossingPoint(),
                    e.getPersonIds().size()), e.getHandedOverAt(), e.getBorderCrossingPoint(), e.getPersonIds());
        } else if (event instanceof ProtectionHoldPlaced e) {
            file.holdPlaced(applied(ce, occurredAt, "timeline.hold-placed", e.getConcern().name(), e.getPlacedBy().getValue()),
                    e.getPersonId(), e.getConcern().name(), e.getPlacedBy().getValue());
        } else if (event instanceof ProtectionHoldReleased e) {
            file.holdReleased(applied(ce, occurredAt, "timeline.hold-released"));
        } else if (event instanceof ReintegrationReferralRequested e) {
            file.reintegrationReferred(applied(ce, occurredAt, "timeline.reintegration-referred", e.getPersonId()),
                    e.getPersonId(), e.getConsentGiven());
        } else if (event instanceof ReintegrationProgressReported e) {
            file.reintegrationProgress(applied(ce, occurredAt, "timeline.reintegration-progress", e.getPersonId(),
                    e.getStage().name()), e.getPersonId(), e.getStage().name(), e.getProviderParty().getValue());
        } else if (event instanceof ReintegrationProviderAssigned e) {
            String provider = e.getProviderParty() == null ? null : e.getProviderParty().getValue();
            file.reintegrationProviderAssigned(applied(ce, occurredAt, provider == null ? "timeline.reintegration-no-provider"
                    : "timeline.reintegration-provider-assigned", e.getPersonId(), provider == null ? "" : provider), e.getPersonId(), provider);
        } else if (event instanceof ReintegrationConsentWithdrawn e) {
            file.reintegrationConsentWithdrawn(applied(ce, occurredAt, "timeline.reintegration-consent-withdrawn", e.getPersonId()),
                    e.getPersonId());
        } else if (event instanceof ReintegrationClosed e) {
            file.reintegrationClosed(applied(ce, occurredAt, "timeline.reintegration-closed", e.getPersonId(), e.getOutcome().name()),
                    e.getPersonId(), e.getOutcome().name());
        } else if (event instanceof PersonalDataRectified e) {
            file.rectified(applied(ce, occurredAt, "timeline.personal-data-rectified", e.getPerson().getPersonId(),
                    e.getCorrectedBy().getValue()), person(e.getPerson()));
        } else if (event instanceof CaseClosed e) {
            file.closed(applied(ce, occurredAt, "timeline.closed", e.getOutcome().name()), e.getOutcome().name(), e.getClosedAt());
        } else {
            file.noted(applied(ce, occurredAt, "timeline.other", ce.type()));
        }
    }

    static CaseFile.Applied applied(CloudEventAttributes ce, Instant occurredAt, String key, Object... args) {
        return new CaseFile.Applied(ce.id(), shortType(ce.type()), occurredAt, ce.source(), key,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** {@code org.readmission.case.readmission-decided.v1} → {@code case.readmission-decided}. */
    static String shortType(String ceType) {
        String type = ceType == null ? "unknown" : ceType;
        if (type.startsWith("org.readmission.")) {
            type = type.substring("org.readmission.".length());
        }
        return type.replaceFirst("\\.v\\d+$", "");
    }

    private static CaseFile.Person person(Person p) {
        return new CaseFile.Person(p.getPersonId(), p.getRole().name(), p.getName().getGivenNames(), p.getName().getSurname(),
                p.getName().getPatronymic(), p.getName().getNativeScript(), p.getDateOfBirth(), p.getSex().name(),
                p.getClaimedNationality(), p.getDocuments().stream().map(EventApplier::document).toList(),
                p.getEvidence().stream().map(EventApplier::evidence).toList(), p.getInterviewRequested(),
                p.getProtectionClaimRaised());
    }

    private static CaseFile.Document document(DocumentRef d) {
        return new CaseFile.Document(d.getDocumentType().name(), d.getNumber(), d.getIssuingCountry(), d.getExpiresOn(),
                d.getCopyOnly());
    }

    private static CaseFile.Evidence evidence(EvidenceItem e) {
        return new CaseFile.Evidence(e.getKind().name(), e.getAnnexClass().name(),
                e.getDocument() == null ? null : e.getDocument().getDocumentType().name(), e.getDescription());
    }

    private static CaseFile.Deadline deadline(Deadline d, String motivation) {
        if (d == null) {
            return null;
        }
        String explanation = d.getRule() + " from " + d.getStartsAt() + " (" + d.getCalendar() + "), profile "
                + d.getProfileId() + "; source: " + d.getSource() + " (confidence: " + d.getConfidence() + ")"
                + (motivation == null || motivation.isBlank() ? "" : "; extension motivated by: " + motivation);
        return new CaseFile.Deadline(d.getKind().name(), d.getStartsAt(), d.getDueAt(), d.getRule(), d.getCalendar(),
                d.getProfileId(), d.getSource(), d.getConfidence(), explanation);
    }
}
