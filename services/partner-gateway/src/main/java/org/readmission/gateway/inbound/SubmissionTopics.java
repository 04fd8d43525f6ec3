package org.readmission.gateway.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.readmission.events.Topics;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.springframework.stereotype.Component;

/**
 * The topics submissions arrive on. The shared {@code readmission.partner-submissions} (open local mode, the
 * simulator, the REST API on a partner's behalf) does not tell who wrote a record. Each party that may send
 * submissions also has its own topic, {@code readmission.partner-submissions.<party code lower-case>}, which the
 * broker lets only that party's principal write (deploy/kafka-security): a record read there was written by that
 * party, whatever its {@code ce_source} says.
 */
@Component
public class SubmissionTopics {

    private final Map<String, Party> partyByTopic = new LinkedHashMap<>();

    public SubmissionTopics(PartyDirectory parties) {
        parties.all().stream().filter(Party::sendsSubmissions).forEach(party -> partyByTopic.put(ofParty(party.code()), party));
    }

    /** The topic only that party may write, e.g. {@code readmission.partner-submissions.de-bpol} for DE-BPOL. */
    public static String ofParty(String partyCode) {
        return Topics.partnerSubmissions(partyCode);
    }

    /** Every topic the gateway reads submissions from: the shared one and each party's own (never a {@code .dlt}). */
    public List<String> consumed() {
        List<String> topics = new ArrayList<>(List.of(Topics.PARTNER_SUBMISSIONS));
        topics.addAll(partyByTopic.keySet());
        return List.copyOf(topics);
    }

    /** The consumed topics and the dead-letter topic of each. */
    public List<String> withDeadLetterTopics() {
        List<String> topics = new ArrayList<>();
        consumed().forEach(topic -> {
            topics.add(topic);
            topics.add(Topics.dlt(topic));
        });
        return topics;
    }

    /** The party the broker authenticated as the writer of a record read from {@code topic}, if the topic tells it. */
    public Optional<ReadmissionPrincipal> writer(String topic) {
        return Optional.ofNullable(partyByTopic.get(topic)).map(party -> new ReadmissionPrincipal(
                "kafka:User:" + party.code().toLowerCase(Locale.ROOT), party.code(), Set.of(Role.PARTNER_SYSTEM),
                ReadmissionPrincipal.Kind.SYSTEM));
    }

    /** The record with its authenticated writer, when its topic is a party's own. */
    public InboundRecord authenticate(InboundRecord in) {
        return writer(in.topic()).map(in::writtenBy).orElse(in);
    }
}
