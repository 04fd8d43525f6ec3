package org.readmission.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock the test sets or moves, e.g. past a case's retention period. Either standing still at a set instant,
 * or {@link #ticking()}: the system's time plus whatever the test moved it by, so that leases, retries and timeouts
 * of the service under test keep working while the test jumps years ahead.
 */
public final class MovableClock extends Clock {

    private volatile Instant standing;
    private volatile Duration moved = Duration.ZERO;

    /** A clock standing at {@code now} until the test sets or moves it. */
    public MovableClock(Instant now) {
        this.standing = now;
    }

    private MovableClock() {
        this.standing = null;
    }

    /** A clock that follows the system's time, moved by {@link #advance}. */
    public static MovableClock ticking() {
        return new MovableClock();
    }

    /** Stands the clock at {@code instant}. */
    public void set(Instant instant) {
        standing = instant;
        moved = Duration.ZERO;
    }

    public void advance(Duration duration) {
        moved = moved.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant base = standing;
        return (base == null ? Instant.now() : base).plus(moved);
    }
}
