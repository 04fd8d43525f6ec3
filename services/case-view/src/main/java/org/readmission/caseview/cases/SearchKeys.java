package org.readmission.caseview.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.readmission.names.NameKey;

/**
 * Transliteration-tolerant search keys for names ({@link NameKey}: Azerbaijani Latin, Azerbaijani / Russian Cyrillic
 * and the usual transliterations fold to one key, so that {@code Məmmədov}, {@code Mammadov}, {@code Mamedov} and
 * {@code Мамедов} find each other), one per word, and the compared form of document numbers.
 */
public final class SearchKeys {

    /** The blind-index kind of document numbers (hashed with {@link #documentNumber}'s compared form). */
    public static final String DOCUMENT_NUMBER_INDEX = "document-number";

    private SearchKeys() {
    }

    /** The keys of every word of the given texts (null and blank texts are skipped). */
    public static List<String> ofWords(String... texts) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                for (String word : text.split("[\\s\\-'’.,]+")) {
                    String key = of(word);
                    if (!key.isEmpty()) {
                        keys.add(key);
                    }
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /** The key of one word: the shared name key of {@code org.readmission:names}, as identity verification uses it. */
    public static String of(String word) {
        return NameKey.phonetic(word).toLowerCase(Locale.ROOT);
    }

    /** A document number as compared: capitals and digits only. */
    public static String documentNumber(String number) {
        return number == null ? "" : number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
