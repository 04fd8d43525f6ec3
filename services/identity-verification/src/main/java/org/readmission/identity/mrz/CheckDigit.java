package org.readmission.identity.mrz;

/** ICAO Doc 9303 part 3, 4.9: weights 7, 3, 1 repeated; digits count as such, A..Z as 10..35, the filler '<' as 0. */
public final class CheckDigit {

    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigit() {
    }

    /** The check digit of the characters, or -1 when one of them is not an MRZ character. */
    public static int of(CharSequence characters) {
        int sum = 0;
        for (int i = 0; i < characters.length(); i++) {
            int value = valueOf(characters.charAt(i));
            if (value < 0) {
                return -1;
            }
            sum += value * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** True when {@code digit} is the check digit of the characters. */
    public static boolean verifies(CharSequence characters, char digit) {
        int expected = of(characters);
        return expected >= 0 && digit >= '0' && digit <= '9' && digit - '0' == expected;
    }

    static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }

    static boolean isMrzCharacter(char c) {
        return valueOf(c) >= 0;
    }
}
