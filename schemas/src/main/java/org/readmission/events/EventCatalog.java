package org.readmission.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.cases.CaseRegistered;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.partner.*;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.events.reintegration.ReintegrationProviderAssigned;

/** The events that may travel on Kafka: every generated record whose schema carries a {@code ceType}. */
public final class EventCatalog {

  /** Schema property naming the CloudEvents type of a top-level event record. */
  public static final String CE_TYPE_PROPERTY = "ceType";
  static final String PARTNER_NAMESPACE = "org.readmission.events.partner";

  private static final EventCatalog V1 = of(List.of(
      // partners' submissions
      ReadmissionApplicationSubmitted.class, EvidenceSubmitted.class, ReadmissionDecisionSubmitted.class,
      ReplyExtensionRequested.class, TransferProposed.class, TransferConfirmed.class,
      ApplicationWithdrawn.class, ProtectionConcernRaised.class, PersonalDataCorrected.class,
      // the gateway's answers to them
      SubmissionAcknowledged.class, SubmissionRejected.class,
      // case events the parties are notified of
      ApplicationForwarded.class, ReplyDeadlineSet.class, ReplyDeadlineExtended.class, ReadmissionDecided.class,
      ReplyTimeLimitExpired.class, TravelDocumentIssued.class, TransferScheduled.class, TransferCompleted.class,
      ProtectionHoldPlaced.class, ProtectionHoldReleased.class, CaseClosed.class,
      ConsularInterviewScheduled.class, ConsularInterviewHeld.class,
      ReintegrationReferralRequested.class, ReintegrationProgressReported.class,
      // reintegration: the minimised offer to a provider
      ReintegrationReferralOffered.class,
      // data protection: erasure notices to the parties and providers, corrections passed on
      PersonalDataErased.class, PersonalDataRectified.class,
      // internal
      OpenReadmissionCase.class, RecordPartnerSubmission.class, CaseRegistered.class,
      IdentityVerificationRequested.class, IdentityVerificationCompleted.class,
      // internal reintegration facts (handoff process, reintegration service)
      ReintegrationProviderAssigned.class, ReintegrationConsentWithdrawn.class, ReintegrationClosed.class));

  private final Map<String, EventType> byCeType = new LinkedHashMap<>();
  private final Map<Long, EventType> byFingerprint = new LinkedHashMap<>();
  private final Map<Class<?>, EventType> byClass = new LinkedHashMap<>();

  private EventCatalog(Collection<Class<? extends SpecificRecord>> recordClasses) {
    recordClasses.stream().map(EventCatalog::typeOf).forEach(this::add);
  }

  /** Release 1 of the catalogue. */
  public static EventCatalog v1() {
    return V1;
  }

  /** A catalogue of the given generated classes (each must carry a {@code ceType}). */
  public static EventCatalog of(Collection<Class<? extends SpecificRecord>> recordClasses) {
    return new EventCatalog(recordClasses);
  }

  public Optional<EventType> byFingerprint(long fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint));
  }

  public Optional<EventType> byCeType(String ceType) {
    return Optional.ofNullable(byCeType.get(ceType));
  }

  public EventType of(Class<? extends SpecificRecord> recordClass) {
    EventType type = byClass.get(recordClass);
    if (type == null) {
      throw new IllegalArgumentException(recordClass.getName() + " is not an event of the catalogue");
    }
    return type;
  }

  public Collection<EventType> all() {
    return List.copyOf(byCeType.values());
  }

  private void add(EventType type) {
    requireUnique(byCeType.putIfAbsent(type.ceType(), type), type, "ceType " + type.ceType());
    requireUnique(byFingerprint.putIfAbsent(type.fingerprint(), type), type, "fingerprint " + type.fingerprint());
    byClass.put(type.recordClass(), type);
  }

  private static void requireUnique(EventType previous, EventType type, String what) {
    if (previous != null) {
      throw new IllegalArgumentException(type.recordClass().getName() + " has the same " + what
          + " as " + previous.recordClass().getName());
    }
  }

  private static EventType typeOf(Class<? extends SpecificRecord> recordClass) {
    Schema schema = SpecificData.get().getSchema(recordClass);
    String ceType = schema.getProp(CE_TYPE_PROPERTY);
    if (ceType == null || ceType.isBlank()) {
      throw new IllegalArgumentException(schema.getFullName() + " has no \"" + CE_TYPE_PROPERTY + "\" property");
    }
    return new EventType(ceType, schema, recordClass, SchemaNormalization.parsingFingerprint64(schema),
        PARTNER_NAMESPACE.equals(schema.getNamespace()));
  }
}
