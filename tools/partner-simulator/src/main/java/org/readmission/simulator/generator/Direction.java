package org.readmission.simulator.generator;

/** Who asks whom: the requesting party (also the sender of the submission) and the requested party. */
public record Direction(String requesting, String requested) {

    public String requestingCountry() {
        return Parties.country(requesting);
    }

    public String requestedCountry() {
        return Parties.country(requested);
    }

    /** True when a Member State asks Azerbaijan (the usual case). */
    public boolean towardsAzerbaijan() {
        return Parties.isAzerbaijani(requested);
    }
}
