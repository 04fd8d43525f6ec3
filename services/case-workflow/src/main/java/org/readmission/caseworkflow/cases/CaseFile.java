package org.readmission.caseworkflow.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service keeps of a case beside the process: the application as received (personal data, never in
 * process variables), its persons and evidence, the deadlines with how they were computed, the partner messages
 * and verification results that reached the process, and the timeline of events published. Both party codes are
 * on the document so that access can be restricted per party.
 */
@Document("cases")
public class CaseFile {

    @Id
    private final String caseId;
    private final String applicationId;
    private final String requestingParty;
    private final String requestedParty;
    private final String procedure;
    private final String category;
    private final Instant receivedAt;
    private final String submissionId;
    private final Instant registeredAt;
    /** The application, Avro single-object encoded exactly as the partner's submission carried it. */
    private final byte[] application;
    private final List<PersonEntry> persons;
    private final Map<String, DeadlineEntry> deadlines;
    private final List<TimelineEntry> timeline;
    private final List<SubmissionEntry> submissions;
    private final List<VerificationEntry> verifications;
    private final List<TravelDocumentEntry> travelDocuments;

    @PersistenceCreator
    CaseFile(String caseId, String applicationId, String requestingParty, String requestedParty, String procedure,
             String category, Instant receivedAt, String submissionId, Instant registeredAt, byte[] application,
             List<PersonEntry> persons, Map<String, DeadlineEntry> deadlines, List<TimelineEntry> timeline,
             List<SubmissionEntry> submissions, List<VerificationEntry> verifications,
             List<TravelDocumentEntry> travelDocuments) {
        this.caseId = caseId;
        this.applicationId = applicationId;
        this.requestingParty = requestingParty;
        this.requestedParty = requestedParty;
        this.procedure = procedure;
        this.category = category;
        this.receivedAt = receivedAt;
        this.submissionId = submissionId;
        this.registeredAt = registeredAt;
        this.application = application;
        this.persons = persons == null ? List.of() : persons;
        this.deadlines = deadlines == null ? new TreeMap<>() : deadlines;
        this.timeline = timeline == null ? new ArrayList<>() : timeline;
        this.submissions = submissions == null ? new ArrayList<>() : submissions;
        this.verifications = verifications == null ? new ArrayList<>() : verifications;
        this.travelDocuments = travelDocuments == null ? new ArrayList<>() : travelDocuments;
    }

    /** One person of the application (personal data). */
    public record PersonEntry(String personId, String role, String givenNames, String surname, LocalDate dateOfBirth,
                              String claimedNationality, boolean interviewRequested, boolean protectionClaimRaised,
                              List<EvidenceEntry> evidence) {
    }

    public record EvidenceEntry(String evidenceId, String kind, String annexClass, String documentType,
                                boolean copyOnly, LocalDate documentExpiresOn, String description) {
    }

    /** A time limit with how it was computed, as published. */
    public record DeadlineEntry(String kind, Instant startsAt, Instant dueAt, String rule, String calendar,
                                String profileId, String source, String confidence, String explanation) {
    }

    /** An event this service published about the case. */
    public record TimelineEntry(String ceId, String ceType, String topic, String activityId, Instant publishedAt) {
    }

    /** A partner message that reached the process. */
    public record SubmissionEntry(String ceId, String ceType, String submissionId, Instant receivedAt, Instant recordedAt) {
    }

    /** The outcome of identity verification for one person. */
    public record VerificationEntry(String ceId, String personId, String outcome, String evidenceClass,
                                    List<String> reasons, Instant completedAt) {
    }

    /** A travel document issued for a person (the number is personal data). */
    public record TravelDocumentEntry(String personId, String documentNumber, LocalDate validUntil, Instant issuedAt,
                                      String issuedBy) {
    }

    public String caseId() {
        return caseId;
    }

    public String applicationId() {
        return applicationId;
    }

    public String requestingParty() {
        return requestingParty;
    }

    public String requestedParty() {
        return requestedParty;
    }

    public String procedure() {
        return procedure;
    }

    public String category() {
        return category;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String submissionId() {
        return submissionId;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    byte[] application() {
        return application;
    }

    public List<PersonEntry> persons() {
        return List.copyOf(persons);
    }

    public List<String> personIds() {
        return persons.stream().map(PersonEntry::personId).toList();
    }

    public Map<String, DeadlineEntry> deadlines() {
        return Map.copyOf(deadlines);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public List<SubmissionEntry> submissions() {
        return List.copyOf(submissions);
    }

    public List<VerificationEntry> verifications() {
        return List.copyOf(verifications);
    }

    public List<TravelDocumentEntry> travelDocuments() {
        return List.copyOf(travelDocuments);
    }
}
