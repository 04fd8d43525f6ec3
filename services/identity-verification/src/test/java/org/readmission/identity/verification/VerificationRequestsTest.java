package org.readmission.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.identity.assessment.FingerprintFinding;
import org.readmission.identity.assessment.Findings;
import org.readmission.messaging.EventPublisher;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.Keysets;
import org.readmission.protection.MongoCaseKeyStore;
import org.readmission.retention.PersonalDataHolder.Holdings;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Once per ce_id, and nothing lost when the service stops between storing a result and publishing it. */
class VerificationRequestsTest {

    final MongoClient client = MongoClients.create(MongoWireTestServer.uri("identity_verification_requests_test"));
    final MongoTemplate mongo = new MongoTemplate(client, "identity_verification_requests_test");
    final PersonChecks checks = mock(PersonChecks.class);
    final EventPublisher publisher = mock(EventPublisher.class);
    final CaseKeys keys = new CaseKeys(new MongoCaseKeyStore(client.getDatabase("identity_verification_requests_test")
            .getCollection("case_keys")), Keysets.generate(PredefinedAeadParameters.AES256_GCM));
    final VerificationResults results = new VerificationResults(mongo, keys);
    final VerificationRequests requests = new VerificationRequests(checks, results, publisher, new AvroCodec(EventCatalog.v1()),
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void republishesTheStoredResultWithTheSameIdAfterAFailedPublishAndThenNeverAgain() {
        String requestId = UUID.randomUUID().toString();
        when(checks.check(any(), any())).thenReturn(new Findings("AZ", List.of(), List.of(), FingerprintFinding.notCompared(), false));
        doThrow(new IllegalStateException("broker unavailable")).doNothing()
                .when(publisher).publish(any(), any(), any(), any(), any());

        assertThatThrownBy(() -> requests.handle(requestId, request("RC-1"))).isInstanceOf(ResultNotPublishedException.class);
        assertThat(results.of(requestId)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(PublicationStatus.PENDING_PUBLISH));

        requests.handle(requestId, request("RC-1"));
        requests.handle(requestId, request("RC-1"));

        ArgumentCaptor<SpecificRecord> events = ArgumentCaptor.forClass(SpecificRecord.class);
        String resultId = EventIds.deterministic(requestId, "verification-result");
        verify(publisher, times(2)).publish(eq(Topics.IDENTITY_VERIFICATION_RESULTS), eq("RC-1"), eq(resultId), events.capture(), any());
        assertThat(events.getAllValues().get(1)).isEqualTo(events.getAllValues().get(0));
        assertThat(((IdentityVerificationCompleted) events.getValue()).getReasonCodes()).containsExactly("NO_EVIDENCE_OR_DISPUTED");
        verify(checks, times(1)).check(any(), any());
        assertThat(results.of(requestId)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(PublicationStatus.PUBLISHED));
    }

    /**
     * The findings are stored sealed under the case's key; erasing the case (after its key is shredded) leaves a
     * tombstone, twice as well as once, and a later request of the case is refused before anything is checked.
     */
    @Test
    void sealsTheFindingsUnderTheCaseKeyAndErasesThemToATombstone() {
        String caseId = "RC-" + UUID.randomUUID();
        String requestId = UUID.randomUUID().toString();
        when(checks.check(any(), any())).thenReturn(new Findings("AZ", List.of(), List.of(), FingerprintFinding.notCompared(), false));
        requests.handle(requestId, request(caseId));

        org.bson.Document stored = mongo.getCollection("verification_results").find(new org.bson.Document("_id", requestId)).first();
        assertThat(stored).containsKeys("sealedResult", "caseId", "personId", "status", "completedAt")
                .doesNotContainKeys("event", "outcome");
        assertThat(stored.toJson()).doesNotContain("NO_EVIDENCE_OR_DISPUTED").doesNotContain("INTERVIEW_REQUIRED");
        VerificationResult result = results.of(requestId).orElseThrow();
        assertThat(results.eventOf(result)).isEqualTo(keys.decrypt(caseId, requestId, result.sealedResult(),
                VerificationResults.Sealed.VERIFICATION_RESULT));
        assertThat(results.holdingsOf(caseId)).isEqualTo(Holdings.of(List.of("p1"), List.of()));
        assertThat(results.holdingsOf("RC-NONE")).isEqualTo(Holdings.nothing());

        Instant at = Instant.parse("2031-11-25T10:00:00Z");
        keys.shred(caseId);
        results.erase(caseId, at);
        results.erase(caseId, at.plusSeconds(60));

        org.bson.Document tombstone = mongo.getCollection("verification_results").find(new org.bson.Document("_id", requestId)).first();
        assertThat(tombstone.keySet()).contains("erasedAt").isSubsetOf("_id", "resultId", "caseId", "personId",
                "requestingParty", "requestedParty", "completedAt", "status", "publishedAt", "erasedAt", "_class");
        assertThat(results.of(requestId).orElseThrow().erasedAt()).isEqualTo(at);
        assertThatThrownBy(() -> keys.decrypt(caseId, requestId, result.sealedResult(), VerificationResults.Sealed.VERIFICATION_RESULT))
                .isInstanceOf(CaseKeyShreddedException.class);
        assertThatThrownBy(() -> requests.handle(UUID.randomUUID().toString(), request(caseId)))
                .isInstanceOf(CaseKeyShreddedException.class);
        verify(checks, times(1)).check(any(), any());
        assertThat(mongo.getCollection("verification_results").countDocuments(new org.bson.Document("caseId", caseId))).isEqualTo(1);
    }

    static IdentityVerificationRequested request(String caseId) {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        Person person = Person.newBuilder().setPersonId("p1").setRole(PersonRole.MAIN_PERSON)
                .setName(PersonName.newBuilder().setSurname("Həsənov").setGivenNames("Orxan").build())
                .setDateOfBirth(LocalDate.of(1990, 1, 1)).setSex(Sex.MALE).build();
        return IdentityVerificationRequested.newBuilder()
                .setCaseRef(CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("APP-1")
                        .setRequestingParty(PartyCode.newBuilder().setValue("DE-BPOL").build())
                        .setRequestedParty(PartyCode.newBuilder().setValue("AZ-SMS").build()).build())
                .setOccurredAt(now).setPersonId("p1").setPerson(person).setRequestedAt(now).build();
    }
}
