package org.readmission.identity.mrz;

import java.util.HashSet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Issuing-state and nationality codes of ICAO Doc 9303 part 3: ISO 3166-1 alpha-3 codes, except Germany's "D", plus
 * the codes for specimens (UTO), organisations, and stateless persons and refugees (XXA, XXB, XXC, XXX).
 */
public final class IcaoCodes {

    private static final Set<String> CODES = codes();

    private IcaoCodes() {
    }

    /** True for a code as it appears in a zone, fillers included ("D<<", "AZE"). */
    public static boolean isKnown(String field) {
        return CODES.contains(field.replace("<", ""));
    }

    /** The zone's code of an ISO 3166-1 alpha-2 country ("AZ" gives "AZE", "DE" gives "D"); null when unknown. */
    public static String ofAlpha2(String alpha2) {
        if (alpha2 == null || alpha2.length() != 2) {
            return null;
        }
        String upper = alpha2.toUpperCase(Locale.ROOT);
        if ("DE".equals(upper)) {
            return "D";
        }
        try {
            String alpha3 = new Locale("", upper).getISO3Country();
            return alpha3.isEmpty() ? null : alpha3;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static Set<String> codes() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.remove("DEU");
        codes.addAll(Set.of("D", "UTO", "XXA", "XXB", "XXC", "XXX", "EUE", "UNO", "UNA", "UNK", "XOM", "XPO", "XES",
                "XMP", "XCC", "XCE", "XDC", "XEC", "XBT", "XIM", "XCO", "GBD", "GBN", "GBO", "GBP", "GBS", "RKS"));
        return Set.copyOf(codes);
    }
}
