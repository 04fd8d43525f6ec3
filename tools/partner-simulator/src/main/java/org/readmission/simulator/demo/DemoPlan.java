package org.readmission.simulator.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which demo case goes to which state, and how it gets there: the counts follow the states' weights (largest
 * remainder, so they add up to the number of cases), the order is shuffled by the seed. Same cases and seed, same plan.
 */
public record DemoPlan(List<PlannedCase> cases) {

    /**
     * One case of the plan.
     *
     * @param partnerDecides  the requested party decides through the gateway (else its officer, through the task API);
     *                        the same choice is made for the transfer proposal and confirmation
     * @param partialIfFamily a family is approved only in part (the last person refused)
     * @param receivedDaysAgo for the cases that bypass the gateway: how long ago receipt is dated; 0 otherwise
     */
    public record PlannedCase(int index, DemoState target, boolean partnerDecides, boolean partialIfFamily, int receivedDaysAgo) {
    }

    public static DemoPlan of(int cases, long seed) {
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be at least 1");
        }
        Random random = new Random(seed);
        List<DemoState> states = new ArrayList<>();
        countsFor(cases).forEach((state, count) -> states.addAll(Collections.nCopies(count, state)));
        Collections.shuffle(states, random);
        List<PlannedCase> planned = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            DemoState state = states.get(i);
            int daysAgo = state == DemoState.REPLY_OVERDUE ? 18 + random.nextInt(20)
                    : state == DemoState.REPLY_DUE_SOON ? 12 + random.nextInt(2) : 0;
            planned.add(new PlannedCase(i + 1, state, random.nextDouble() < 0.6, random.nextDouble() < 0.3, daysAgo));
        }
        return new DemoPlan(List.copyOf(planned));
    }

    /** How many cases each state gets: its weight's share, the remainders going to the largest fractions. */
    static Map<DemoState, Integer> countsFor(int cases) {
        int totalWeight = 0;
        for (DemoState state : DemoState.values()) {
            totalWeight += state.weight();
        }
        Map<DemoState, Integer> counts = new EnumMap<>(DemoState.class);
        Map<DemoState, Double> fractions = new EnumMap<>(DemoState.class);
        int given = 0;
        for (DemoState state : DemoState.values()) {
            double exact = (double) cases * state.weight() / totalWeight;
            counts.put(state, (int) Math.floor(exact));
            fractions.put(state, exact - Math.floor(exact));
            given += (int) Math.floor(exact);
        }
        List<DemoState> byFraction = new ArrayList<>(List.of(DemoState.values()));
        byFraction.sort(Comparator.comparing((DemoState s) -> fractions.get(s)).reversed().thenComparing(Enum::ordinal));
        for (int i = 0; i < cases - given; i++) {
            counts.merge(byFraction.get(i % byFraction.size()), 1, Integer::sum);
        }
        return counts;
    }

    public Map<DemoState, Integer> counts() {
        Map<DemoState, Integer> counts = new EnumMap<>(DemoState.class);
        for (DemoState state : DemoState.values()) {
            counts.put(state, 0);
        }
        cases.forEach(c -> counts.merge(c.target(), 1, Integer::sum));
        return counts;
    }
}
