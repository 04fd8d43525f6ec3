package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * deploy/kafka-security/acls.txt against the party directory of the partner gateway: every party has its
 * principal, may read its own notification topic, and no party may read (or write) another's; each party that sends
 * submissions writes its own submission topic only (not the shared one, not another party's), which is why the
 * gateway may take a record's writer from the topic.
 */
class KafkaAclsFileTest {

    static final Path ACLS = Path.of("../kafka-security/acls.txt");
    static final Path GATEWAY_CONFIG = Path.of("../../services/partner-gateway/src/main/resources/application.yml");
    static final Path REINTEGRATION_CONFIG = Path.of("../../services/reintegration/src/main/resources/application.yml");
    static final String NOTIFICATIONS = "readmission.partner-notifications.";
    static final String SUBMISSIONS = "readmission.partner-submissions";

    /**
     * The party codes of readmission.parties in the gateway's application.yml, then those of the reintegration
     * providers (readmission.reintegration.providers of the reintegration service) that are not among them.
     */
    static List<String> partyCodes() throws Exception {
        List<String> codes = new ArrayList<>(codesAfter(GATEWAY_CONFIG, "\n  parties:", 4));
        codesAfter(REINTEGRATION_CONFIG, "\n    providers:", 6).stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        return codes;
    }

    /** The parties of the gateway's directory that send submissions: every role but REINTEGRATION_PROVIDER. */
    static List<String> submittingPartyCodes() throws Exception {
        String text = Files.readString(GATEWAY_CONFIG);
        String section = text.substring(text.indexOf("\n  parties:"));
        Matcher m = Pattern.compile("(?m)^ {4}- code: *([A-Z0-9-]+)\\s*$(?:\\n {6}.*$)*?\\n {6}role: *([A-Z_]+)\\s*$").matcher(section);
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            if (!m.group(2).equals("REINTEGRATION_PROVIDER")) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }

    /** A party's own submission topic, e.g. readmission.partner-submissions.de-bpol. */
    static String submissionTopic(String code) {
        return SUBMISSIONS + "." + code.toLowerCase(Locale.ROOT);
    }

    static List<String> providerCodes() throws Exception {
        return codesAfter(REINTEGRATION_CONFIG, "\n    providers:", 6);
    }

    private static List<String> codesAfter(Path yml, String section, int indent) throws Exception {
        String text = Files.readString(yml);
        int start = text.indexOf(section);
        assertThat(start).as("%s in %s", section.strip(), yml).isGreaterThanOrEqualTo(0);
        Matcher m = Pattern.compile("(?m)^ {" + indent + "}- code: *([A-Z0-9-]+)\\s*$").matcher(text.substring(start));
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    static boolean matches(KafkaSecurity.Acl acl, String topic) {
        return acl.resourceType() == ResourceType.TOPIC && (acl.patternType() == PatternType.LITERAL
                ? acl.resourceName().equals(topic) || acl.resourceName().equals("*")
                : topic.startsWith(acl.resourceName()));
    }

    static boolean matchesGroup(KafkaSecurity.Acl acl, String group) {
        return acl.resourceType() == ResourceType.GROUP && (acl.patternType() == PatternType.LITERAL
                ? acl.resourceName().equals(group) || acl.resourceName().equals("*")
                : group.startsWith(acl.resourceName()));
    }

    @Test
    void everyPartyReadsItsOwnNotificationTopicAndNoOtherParty() throws Exception {
        List<String> codes = partyCodes();
        assertThat(codes).as("party directories parsed").hasSizeGreaterThanOrEqualTo(14)
                .contains("DE-BPOL", "AZ-SMS", "IOM-AZ", "AZ-SMS-RU", "DE-CARITAS");
        List<KafkaSecurity.Acl> acls = KafkaSecurity.readAcls(ACLS);
        List<String> users = KafkaSecurity.users(acls);

        for (String code : codes) {
            String user = code.toLowerCase(Locale.ROOT);
            String own = NOTIFICATIONS + user;
            assertThat(users).as("principal of %s", code).contains(user);
            List<KafkaSecurity.Acl> mine = acls.stream().filter(a -> a.user().equals(user)).toList();
            assertThat(mine).as("%s reads %s", code, own)
                    .anyMatch(a -> a.operation() == AclOperation.READ && a.patternType() == PatternType.LITERAL
                            && a.resourceType() == ResourceType.TOPIC && a.resourceName().equals(own));
            assertThat(mine).as("%s sends to the system", code)
                    .anyMatch(a -> a.operation() == AclOperation.WRITE && a.resourceType() == ResourceType.TOPIC
                            && (a.resourceName().equals(submissionTopic(code))
                                || a.resourceName().equals("reintegration.updates")));
            assertThat(mine).as("no party may touch the shared submission topic (only the gateway writes it, for REST)")
                    .noneMatch(a -> matches(a, SUBMISSIONS) || matches(a, SUBMISSIONS + ".dlt"));
            if (providerCodes().contains(code)) {
                assertThat(mine).as("provider %s reports on reintegration.updates", code)
                        .anyMatch(a -> a.operation() == AclOperation.WRITE && a.resourceName().equals("reintegration.updates"));
            }
            for (KafkaSecurity.Acl a : mine) {
                assertThat(a.operation()).as("a party has no broad operation: %s", a)
                        .isIn(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE);
                for (String other : codes) {
                    String theirs = NOTIFICATIONS + other.toLowerCase(Locale.ROOT);
                    if (!other.equals(code)) {
                        String group = other.toLowerCase(Locale.ROOT);
                        assertThat(matches(a, theirs)).as("%s must not touch %s: %s", code, theirs, a).isFalse();
                        String theirSubmissions = submissionTopic(other);
                        assertThat(matches(a, theirSubmissions) || matches(a, theirSubmissions + ".dlt"))
                                .as("%s must not touch %s: %s", code, theirSubmissions, a).isFalse();
                        assertThat(matchesGroup(a, group) || matchesGroup(a, group + ".x"))
                                .as("%s must not join %s's consumer groups: %s", code, other, a).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void eachSubmittingPartyAloneWritesItsOwnSubmissionTopicAndTheGatewayReadsThemAll() throws Exception {
        List<String> submitting = submittingPartyCodes();
        assertThat(submitting).as("submitting parties parsed").hasSizeGreaterThanOrEqualTo(9)
                .contains("DE-BPOL", "AZ-SMS", "AZ-DSX").doesNotContain("IOM-AZ");
        List<KafkaSecurity.Acl> acls = KafkaSecurity.readAcls(ACLS);
        List<KafkaSecurity.Acl> gateway = acls.stream().filter(a -> a.user().equals("partner-gateway")).toList();
        for (String code : submitting) {
            String own = submissionTopic(code);
            assertThat(acls).as("%s writes %s (literal)", code, own)
                    .anyMatch(a -> a.user().equals(code.toLowerCase(Locale.ROOT)) && a.operation() == AclOperation.WRITE
                            && a.patternType() == PatternType.LITERAL && a.resourceName().equals(own));
            // the gateway takes the writer of a record from this topic: no other principal may write it, not even a service
            assertThat(acls.stream().filter(a -> matches(a, own) && a.operation() != AclOperation.READ
                            && a.operation() != AclOperation.DESCRIBE && a.operation() != AclOperation.CREATE)
                    .map(KafkaSecurity.Acl::user).distinct())
                    .as("who may write %s", own).containsExactly(code.toLowerCase(Locale.ROOT));
            assertThat(gateway).as("the gateway reads %s", own).anyMatch(a -> a.operation() == AclOperation.READ && matches(a, own));
            assertThat(gateway).as("the gateway dead-letters %s", own)
                    .anyMatch(a -> a.operation() == AclOperation.WRITE && matches(a, own + ".dlt"));
        }
        assertThat(gateway).as("the gateway reads and writes (REST) the shared submission topic")
                .anyMatch(a -> a.operation() == AclOperation.READ && matches(a, SUBMISSIONS))
                .anyMatch(a -> a.operation() == AclOperation.WRITE && matches(a, SUBMISSIONS));
        assertThat(acls.stream().filter(a -> a.operation() == AclOperation.WRITE && matches(a, SUBMISSIONS))
                .map(KafkaSecurity.Acl::user).distinct()).as("who may write the shared submission topic").containsExactly("partner-gateway");
    }

    @Test
    void everyUserIsAPartyOrAServiceOfTheStack() throws Exception {
        List<String> known = new ArrayList<>(partyCodes().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        StackFiles.readServices(Path.of("services.txt")).forEach(s -> known.add(s.name()));
        List<KafkaSecurity.Acl> acls = KafkaSecurity.readAcls(ACLS);
        assertThat(KafkaSecurity.users(acls)).isSubsetOf(known)
                .contains("partner-gateway", "case-workflow", "identity-verification", "reintegration", "case-view");
        assertThat(acls).noneMatch(a -> a.operation() == AclOperation.ALL || a.resourceType() == ResourceType.CLUSTER
                || a.resourceName().equals("*"));
    }
}
