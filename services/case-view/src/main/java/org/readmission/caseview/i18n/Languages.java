package org.readmission.caseview.i18n;

import java.util.List;
import java.util.Locale;

/** The languages the switch offers ({@code @languages.all()} in the templates). */
public record Languages(List<Locale> all) {

    /** The language's own name, e.g. "Azərbaycan" for az. */
    public String nameOf(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.getLanguage() : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
