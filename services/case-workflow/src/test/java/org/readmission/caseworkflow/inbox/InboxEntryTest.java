package org.readmission.caseworkflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The life of an inbox entry and its retry schedule, without a store. */
class InboxEntryTest {

    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(2);
    static final InboxProperties PROPERTIES = new InboxProperties(1, Duration.ofDays(7), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofMinutes(10), LEASE, 50, Duration.ofSeconds(15));

    static InboxEntry received() {
        return InboxEntry.received(new IncomingEvent("ce-1", "partner-gateway", "org.readmission.case.record-partner-submission.v1",
                "org.readmission.decision.submitted.v1", "RC-1", "DE-BPOL", "AZ-SMS", "readmission.case-commands-0@7",
                new byte[] {1}), NOW, "node-a", LEASE);
    }

    @Test
    void isKeyedBySourceAndEventId() {
        assertThat(received().id()).isEqualTo("partner-gateway/ce-1");
    }

    @Test
    void aNewEntryIsLeasedToTheNodeThatReceivedIt() {
        InboxEntry entry = received();
        assertThat(entry.state()).isEqualTo(InboxState.PENDING);
        assertThat(entry.claimableAt(NOW)).isFalse();
        assertThat(entry.claimableAt(NOW.plus(LEASE))).isTrue();
    }

    @Test
    void aDeferredEntryWaitsForItsNextAttempt() {
        InboxEntry entry = received();
        entry.deferred("not at the wait state", NOW, NOW.plusSeconds(5));
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.lastProblem()).isEqualTo("not at the wait state");
        assertThat(entry.claimableAt(NOW.plusSeconds(4))).isFalse();
        assertThat(entry.claimableAt(NOW.plusSeconds(5))).isTrue();
    }

    @Test
    void aClaimedEntryCannotBeClaimedAgainUntilItsLeaseRunsOut() {
        InboxEntry entry = received();
        entry.deferred("not yet", NOW, NOW);
        entry.claim("node-b", NOW, LEASE);
        assertThat(entry.claimableAt(NOW.plusSeconds(60))).isFalse();
        assertThatThrownBy(() -> entry.claim("node-c", NOW.plusSeconds(60), LEASE)).isInstanceOf(IllegalStateException.class);
        assertThat(entry.claimableAt(NOW.plus(LEASE))).isTrue();
    }

    @Test
    void correlatedAndExpiredEntriesAreSettled() {
        InboxEntry correlated = received();
        correlated.correlated("pi-1", NOW);
        assertThat(correlated.state()).isEqualTo(InboxState.CORRELATED);
        assertThat(correlated.processInstanceId()).isEqualTo("pi-1");
        assertThat(correlated.claimableAt(NOW.plus(Duration.ofDays(1)))).isFalse();

        InboxEntry expired = received();
        expired.expired("no case", NOW.plus(Duration.ofDays(7)));
        assertThat(expired.state()).isEqualTo(InboxState.EXPIRED);
        assertThat(expired.settledAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(expired.claimableAt(NOW.plus(Duration.ofDays(8)))).isFalse();
    }

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() {
        Instant expiresAt = NOW.plus(Duration.ofDays(7));
        assertThat(PROPERTIES.nextAttempt(NOW, 1, expiresAt)).isEqualTo(NOW.plusSeconds(5));
        assertThat(PROPERTIES.nextAttempt(NOW, 2, expiresAt)).isEqualTo(NOW.plusSeconds(10));
        assertThat(PROPERTIES.nextAttempt(NOW, 4, expiresAt)).isEqualTo(NOW.plusSeconds(40));
        assertThat(PROPERTIES.nextAttempt(NOW, 30, expiresAt)).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void theLastAttemptIsAtTheExpiry() {
        Instant expiresAt = NOW.plusSeconds(7);
        assertThat(PROPERTIES.nextAttempt(NOW, 2, expiresAt)).isEqualTo(expiresAt);
        assertThat(received().expiresAt(Duration.ofDays(7))).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }
}
