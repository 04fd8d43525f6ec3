package org.readmission.gateway.party;

/** What an authority does in readmission (DOMAIN.md, "Parties and users"). */
public enum PartyRole {
    COMPETENT_AUTHORITY,
    CENTRAL_AUTHORITY,
    REGISTRY,
    CONSULAR_SERVICE,
    BORDER_SERVICE,
    REINTEGRATION_PROVIDER
}
