package org.readmission.gateway.validation;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as known to the JDK. */
final class CountryCodes {

    private static final Set<String> ALPHA_2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private CountryCodes() {
    }

    static boolean isValid(String code) {
        return code != null && ALPHA_2.contains(code);
    }
}
