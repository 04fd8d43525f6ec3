package org.readmission.names;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Azerbaijani names between scripts: Cyrillic (Russian and Azerbaijani Cyrillic) to Azerbaijani Latin, and any of
 * them to the characters of a machine-readable zone (ICAO Doc 9303 part 3: A-Z and '<').
 */
public final class Transliteration {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "j"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "x"), Map.entry('ц', "ts"), Map.entry('ч', "ç"),
            Map.entry('ш', "ş"), Map.entry('щ', "şç"), Map.entry('ъ', ""), Map.entry('ы', "ı"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"), Map.entry('ә', "ə"), Map.entry('ғ', "ğ"),
            Map.entry('ҹ', "c"), Map.entry('һ', "h"), Map.entry('ө', "ö"), Map.entry('ү', "ü"), Map.entry('ҝ', "g"),
            Map.entry('ј', "y"), Map.entry('і', "i"));

    /** Azerbaijani Latin to Azerbaijani Cyrillic, letter by letter (the alphabet in use until 1991). */
    private static final Map<Character, String> TO_CYRILLIC = Map.ofEntries(
            Map.entry('a', "а"), Map.entry('b', "б"), Map.entry('c', "ҹ"), Map.entry('ç', "ч"), Map.entry('d', "д"),
            Map.entry('e', "е"), Map.entry('ə', "ә"), Map.entry('f', "ф"), Map.entry('g', "ҝ"), Map.entry('ğ', "ғ"),
            Map.entry('h', "һ"), Map.entry('x', "х"), Map.entry('ı', "ы"), Map.entry('i', "и"), Map.entry('j', "ж"),
            Map.entry('k', "к"), Map.entry('q', "г"), Map.entry('l', "л"), Map.entry('m', "м"), Map.entry('n', "н"),
            Map.entry('o', "о"), Map.entry('ö', "ө"), Map.entry('p', "п"), Map.entry('r', "р"), Map.entry('s', "с"),
            Map.entry('ş', "ш"), Map.entry('t', "т"), Map.entry('u', "у"), Map.entry('ü', "ү"), Map.entry('v', "в"),
            Map.entry('y', "ј"), Map.entry('z', "з"));
    private static final Locale AZERBAIJANI = Locale.forLanguageTag("az");

    private Transliteration() {
    }

    /** A name in Azerbaijani Latin written in Azerbaijani Cyrillic ("Məmmədov" gives "Мәммәдов"), case kept. */
    public static String cyrillic(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            String lower = String.valueOf(c).toLowerCase(AZERBAIJANI);
            String mapped = lower.length() == 1 ? TO_CYRILLIC.get(lower.charAt(0)) : null;
            if (mapped == null) {
                out.append(c);
            } else {
                out.append(String.valueOf(c).equals(lower) ? mapped : mapped.toUpperCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** Lower-case Azerbaijani Latin of a name in Latin or Cyrillic script ("Мамедов" gives "mamedov"). */
    public static String latin(String name) {
        String lower = name.toLowerCase(new Locale("az")).replace("дж", "c");
        StringBuilder latin = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            String mapped = CYRILLIC.get(c);
            latin.append(mapped == null ? String.valueOf(c) : mapped);
        }
        return latin.toString();
    }

    /** The name as a machine-readable zone writes it: "Məmmədov Əli" gives "MAMMADOV<ALI". */
    public static String toMrz(String name) {
        String latin = latin(name).replace('ə', 'a').replace('ı', 'i');
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "<").replaceAll("^<+|<+$", "");
    }
}
