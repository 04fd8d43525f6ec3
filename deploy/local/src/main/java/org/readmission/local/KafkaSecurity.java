package org.readmission.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka security of {@code stack up --secure}: SASL/SCRAM-SHA-512 users and the ACLs of
 * {@code deploy/kafka-security/acls.txt} (see the README there).
 *
 * <p>LOCAL DEMO ONLY: every password is {@link #demoPassword} — derived from the user name and
 * printed in this source. Production provisions real secrets (README, "Credentials").
 */
public final class KafkaSecurity {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_PLAINTEXT";
    /** The broker's own (inter-broker) principal and the launcher's admin: the only super user. */
    public static final String BROKER_USER = "kafka-broker";
    public static final int SCRAM_ITERATIONS = 8192;
    public static final String ACLS_FILE = "deploy/kafka-security/acls.txt";

    /** One line of acls.txt: an ALLOW ACL for any host. */
    public record Acl(String principal, AclOperation operation, ResourceType resourceType, String resourceName,
                      PatternType patternType) {

        public AclBinding binding() {
            return new AclBinding(new ResourcePattern(resourceType, resourceName, patternType),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
        }

        /** The user name of {@code User:<name>}. */
        public String user() {
            return principal.substring("User:".length());
        }
    }

    private KafkaSecurity() {
    }

    /** LOCAL DEMO ONLY — not a secret: a fixed password derived from the user name. */
    public static String demoPassword(String user) {
        return user + "-local-demo-password";
    }

    public static List<Acl> readAcls(Path file) throws IOException {
        List<Acl> acls = new ArrayList<>();
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 5 || !f[0].startsWith("User:") || f[0].length() <= 5) {
                throw new IllegalArgumentException(file + ":" + n + ": expected 'User:<name> OPERATION TYPE name PATTERN': " + raw);
            }
            try {
                acls.add(new Acl(f[0], AclOperation.valueOf(f[1].toUpperCase(Locale.ROOT)),
                        ResourceType.valueOf(f[2].toUpperCase(Locale.ROOT)), f[3],
                        PatternType.valueOf(f[4].toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage() + ": " + raw, e);
            }
        }
        return List.copyOf(acls);
    }

    /** The users named by the ACLs, sorted. */
    public static List<String> users(List<Acl> acls) {
        return List.copyOf(new TreeSet<>(acls.stream().map(Acl::user).toList()));
    }

    /** The JAAS line of a SCRAM client. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Client properties (producer, consumer, admin) for SASL_PLAINTEXT + SCRAM-SHA-512. */
    public static Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
        c.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        c.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
        return c;
    }

    /** The same as Spring Boot command-line arguments ({@code spring.kafka.properties.*} reach every client). */
    public static List<String> springArgs(String user, String password) {
        List<String> args = new ArrayList<>();
        clientConfig(user, password).forEach((k, v) -> args.add("--spring.kafka.properties." + k + "=" + v));
        return args;
    }

    /** Creates (or updates) the SCRAM-SHA-512 credential of every user with its local-demo password. */
    public static void upsertUsers(Admin admin, List<String> users) throws Exception {
        List<UserScramCredentialAlteration> alterations = new ArrayList<>();
        ScramCredentialInfo info = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS);
        for (String user : users) {
            alterations.add(new UserScramCredentialUpsertion(user, info, demoPassword(user)));
        }
        admin.alterUserScramCredentials(alterations).all().get(30, TimeUnit.SECONDS);
    }

    /** Creates the ACLs (createAcls is idempotent for identical bindings). */
    public static void createAcls(Admin admin, List<Acl> acls) throws Exception {
        admin.createAcls(acls.stream().map(Acl::binding).toList()).all().get(30, TimeUnit.SECONDS);
    }

    /** The launcher's admin client config: the broker's own super user. */
    public static Map<String, Object> adminConfig() {
        return clientConfig(BROKER_USER, demoPassword(BROKER_USER));
    }
}
