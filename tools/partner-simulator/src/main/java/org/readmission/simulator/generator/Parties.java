package org.readmission.simulator.generator;

import java.util.List;
import java.util.Locale;

import org.readmission.events.common.PartyCode;

/**
 * The party codes of the EU–Azerbaijan agreement as configured in the partner gateway. Applications go between
 * Azerbaijan's central authority (AZ-SMS) and a Member State's competent authority, in either direction.
 */
public final class Parties {

    public static final String AZ_SMS = "AZ-SMS";
    public static final String AZ_MIA = "AZ-MIA";
    public static final String AZ_MFA = "AZ-MFA";
    public static final String AZ_DSX = "AZ-DSX";
    public static final String IOM_AZ = "IOM-AZ";
    public static final String DE_BPOL = "DE-BPOL";
    public static final String NL_DTV = "NL-DTV";
    public static final String FR_DGEF = "FR-DGEF";
    public static final String AT_BFA = "AT-BFA";
    public static final String PL_SG = "PL-SG";

    /** Competent authorities of the Member States that submit applications to (and receive them from) AZ-SMS. */
    public static final List<String> MEMBER_STATE_AUTHORITIES = List.of(DE_BPOL, NL_DTV, FR_DGEF, AT_BFA, PL_SG);

    /** Every configured party. */
    public static final List<String> ALL = List.of(AZ_SMS, AZ_MIA, AZ_MFA, AZ_DSX, IOM_AZ,
            DE_BPOL, NL_DTV, FR_DGEF, AT_BFA, PL_SG);

    private Parties() {
    }

    /** ISO 3166-1 alpha-2 country of a party: the part before the dash (IOM-AZ works in Azerbaijan). */
    public static String country(String partyCode) {
        String upper = partyCode.toUpperCase(Locale.ROOT);
        if (upper.startsWith("IOM-")) {
            return upper.substring(4);
        }
        int dash = upper.indexOf('-');
        return dash < 0 ? upper : upper.substring(0, dash);
    }

    public static boolean isAzerbaijani(String partyCode) {
        return "AZ".equals(country(partyCode));
    }

    public static PartyCode code(String partyCode) {
        return PartyCode.newBuilder().setValue(partyCode).build();
    }
}
