package org.readmission.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A transliteration-tolerant key of a person's name: the same for the Azerbaijani Latin, Cyrillic and usual Latin
 * spellings of one name ("Məmmədov", "Mammadov", "Mamedov", "Мамедов"). It folds letters that transliterations
 * confuse (ə/e/a, ş/sh/s, ç/ch/c/j/zh, ğ/gh/g/q/h/x/kh, ı/i/y, ö/o, ü/u), drops a 'y' before a vowel (Aliyev, Aliev)
 * and doubled letters. A look-up key, not an identity: a match is confirmed on other data (date of birth).
 */
public record NameKey(String value) {

    /** Surname and first given name. */
    public static NameKey of(String surname, String givenNames) {
        String first = givenNames == null || givenNames.isBlank() ? "" : givenNames.strip().split("[\\s<]+")[0];
        return new NameKey(phonetic(surname) + " " + phonetic(first));
    }

    /** The folded form of one name (all its words). */
    public static String phonetic(String name) {
        String latin = Transliteration.latin(name).replace('ı', 'i');
        String s = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-zə]", "");
        s = s.replace("dzh", "j").replace("dj", "j").replace("zh", "j").replace("ch", "j").replace("sh", "s")
                .replace("kh", "g").replace("gh", "g");
        s = s.replaceAll("y(?=[aeiouə])", "");
        StringBuilder key = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            char folded = fold(c);
            if (key.length() == 0 || key.charAt(key.length() - 1) != folded) {
                key.append(folded);
            }
        }
        return key.toString().toUpperCase(Locale.ROOT);
    }

    private static char fold(char c) {
        switch (c) {
            case 'ə':
            case 'e':
                return 'a';
            case 'c':
                return 'j';
            case 'q':
            case 'h':
            case 'x':
                return 'g';
            case 'y':
                return 'i';
            default:
                return c;
        }
    }
}
