package org.readmission.simulator.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.readmission.simulator.generator.ApplicationGenerator;
import org.readmission.simulator.generator.InvalidSubmissions;
import org.readmission.simulator.generator.Submission;
import org.readmission.simulator.generator.SubmissionFactory;

/**
 * The records one simulation sends, in order: valid applications mixed with the invalid ones; the chain
 * original → redelivery → conflicting duplicate stays in order (same key, so same partition, so the gateway sees it
 * in that order). A redelivery is the same record twice, so there are more records than submissions.
 */
public record SimulationPlan(String runTag, List<Submission> records) {

    public static SimulationPlan of(long seed, String runTag, Instant now, int validCount, boolean withInvalid) {
        ApplicationGenerator generator = new ApplicationGenerator(seed, runTag, now);
        SubmissionFactory factory = new SubmissionFactory(runTag);
        List<Submission> singles = new ArrayList<>();
        for (int i = 0; i < validCount; i++) {
            singles.add(factory.valid(generator.next()));
        }
        if (!withInvalid) {
            return new SimulationPlan(runTag, List.copyOf(singles));
        }
        InvalidSubmissions invalid = new InvalidSubmissions(generator, factory);
        singles.addAll(invalid.singleRuleViolations());
        singles.add(invalid.garbage());
        singles.add(invalid.unknownFingerprint());
        List<Submission> chain = invalid.redeliveryAndConflict();
        Random order = new Random(seed * 31 + 7);
        Collections.shuffle(singles, order);
        List<Submission> records = new ArrayList<>(singles);
        records.addAll(order.nextInt(records.size() + 1), chain);
        return new SimulationPlan(runTag, List.copyOf(records));
    }

    /** Each submission once (by ce_id), in the order of its first record. */
    public Map<String, Submission> submissions() {
        Map<String, Submission> byCeId = new LinkedHashMap<>();
        records.forEach(record -> byCeId.putIfAbsent(record.ceId(), record));
        return byCeId;
    }

    /** The sending parties: their notification topics carry the answers. */
    public Set<String> senders() {
        Set<String> senders = new TreeSet<>();
        records.forEach(record -> senders.add(record.sender()));
        return senders;
    }

    public long validCount() {
        return submissions().values().stream().filter(s -> s.expected().valid()).count();
    }
}
