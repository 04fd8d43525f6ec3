package org.readmission.simulator.generator;

import java.util.List;
import java.util.random.RandomGenerator;

/** Small helpers for seeded random choices, so that every generator draws the same way. */
final class Pick {

    private Pick() {
    }

    static <T> T one(RandomGenerator random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** True with the given probability (0..1). */
    static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    /** A number in [from, to], both inclusive. */
    static int between(RandomGenerator random, int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    static String digits(RandomGenerator random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    static String alphanumerics(RandomGenerator random, int count) {
        String alphabet = "0123456789CFGHJKLMNPRTVWXYZ"; // as in German document numbers: no vowels, no B/D/O/Q/S/U
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
