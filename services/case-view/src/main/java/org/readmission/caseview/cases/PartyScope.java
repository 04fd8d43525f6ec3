package org.readmission.caseview.cases;

import java.util.Objects;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The party whose officer asks: every read of the read model goes through one, so an officer only ever sees cases in
 * which their party is the requesting or the requested party.
 */
public record PartyScope(String party) {

    public PartyScope {
        Objects.requireNonNull(party, "a party scope needs a party code");
        if (party.isBlank()) {
            throw new IllegalArgumentException("a party scope needs a party code");
        }
    }

    /** The criterion every query of the read model carries. */
    public Criteria criteria() {
        return new Criteria().orOperator(Criteria.where("requestingParty").is(party), Criteria.where("requestedParty").is(party));
    }

    public boolean covers(String requestingParty, String requestedParty) {
        return party.equals(requestingParty) || party.equals(requestedParty);
    }
}
