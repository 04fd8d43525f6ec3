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
 * principal, may read its own notification topic, and no party may read (or write) another's.
 */
class KafkaAclsFileTest {

    static final Path ACLS = Path.of("../kafka-security/acls.txt");
    static final Path GATEWAY_CONFIG = Path.of("../../services/partner-gateway/src/main/resources/application.yml");
    static final Path REINTEGRATION_CONFIG = Path.of("../../services/reintegration/src/main/resources/application.yml");
    static final String NOTIFICATIONS = "readmission.partner-notifications.";

    /**
     * The party codes of readmission.parties in the gateway's application.yml, then those of the reintegration
     * providers (readmission.reintegration.providers of the reintegration service) that are not among them.
     */
    static List<String> partyCodes() throws Exception {
        List<String> codes = new ArrayList<>(codesAfter(GATEWAY_CONFIG, "\n  parties:", 4));
        codesAfter(REINTEGRATION_CONFIG, "\n    providers:", 6).stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        return codes;
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
                            && (a.resourceName().equals("readmission.partner-submissions")
                                || a.resourceName().equals("reintegration.updates")));
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
                        assertThat(matchesGroup(a, group) || matchesGroup(a, group + ".x"))
                                .as("%s must not join %s's consumer groups: %s", code, other, a).isFalse();
                    }
                }
            }
        }
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
