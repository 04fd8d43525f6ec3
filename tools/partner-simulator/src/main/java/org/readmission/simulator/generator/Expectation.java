package org.readmission.simulator.generator;

import org.readmission.events.partner.ReasonCode;

/**
 * What the gateway should answer to a submission: an acknowledgement, or a rejection carrying {@code reason}
 * (and, for input it cannot decode, a copy on the dead-letter topic).
 */
public record Expectation(Outcome outcome, ReasonCode reason, boolean deadLettered) {

    public enum Outcome { ACKNOWLEDGED, REJECTED }

    public static Expectation acknowledged() {
        return new Expectation(Outcome.ACKNOWLEDGED, null, false);
    }

    public static Expectation rejected(ReasonCode reason) {
        return new Expectation(Outcome.REJECTED, reason, false);
    }

    public static Expectation deadLettered(ReasonCode reason) {
        return new Expectation(Outcome.REJECTED, reason, true);
    }

    public boolean valid() {
        return outcome == Outcome.ACKNOWLEDGED;
    }

    @Override
    public String toString() {
        return valid() ? "ACKNOWLEDGED" : "REJECTED " + reason + (deadLettered ? " + dead-lettered" : "");
    }
}
