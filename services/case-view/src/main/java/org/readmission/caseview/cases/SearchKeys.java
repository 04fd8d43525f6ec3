package org.readmission.caseview.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Transliteration-tolerant search keys for names: Azerbaijani Latin, Azerbaijani / Russian Cyrillic and the common
 * English and Russian-style transliterations of both fold to the same key, so that {@code Məmmədov}, {@code Mammadov},
 * {@code Mamedov} and {@code Мамедов} find each other. The key is not meant to be read, only compared.
 */
public final class SearchKeys {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('ғ', "gh"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ә', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('ј', "y"), Map.entry('к', "k"),
            Map.entry('ҝ', "g"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('ө', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ү', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('һ', "h"),
            Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ҹ', "j"), Map.entry('ш', "sh"), Map.entry('щ', "sh"),
            Map.entry('ы', "i"), Map.entry('ь', ""), Map.entry('ъ', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"));

    private static final Map<Character, String> AZERBAIJANI_LATIN = Map.of(
            'ə', "e", 'ş', "sh", 'ç', "ch", 'ğ', "gh", 'ı', "i", 'ö', "o", 'ü', "u", 'x', "kh", 'q', "g", 'c', "j");

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

    /** The key of one word. */
    public static String of(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("i̇", "i").replace("ch", "ç");
        StringBuilder latin = new StringBuilder();
        for (char c : lower.toCharArray()) {
            String mapped = CYRILLIC.getOrDefault(c, AZERBAIJANI_LATIN.get(c));
            latin.append(mapped != null ? mapped : String.valueOf(c));
        }
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z]", "");
        String folded = ascii
                .replace("dzh", "j").replace("zh", "j")
                .replace("sh", "S").replace("ch", "C").replace("ts", "T")
                .replace("kh", "h").replace("gh", "g").replace("q", "g").replace("x", "h").replace("h", "g")
                .replace("e", "a").replace("y", "i").replace("w", "v");
        String collapsed = collapse(folded);
        String withoutGlides = collapsed.replaceAll("(?<=[aou])i(?=[aou])", "");
        return collapse(withoutGlides);
    }

    private static String collapse(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A document number as compared: capitals and digits only. */
    public static String documentNumber(String number) {
        return number == null ? "" : number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
