package org.readmission.simulator.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Who the simulator's Kafka clients are. Three cases:
 * <ul>
 *   <li><b>open</b> (no option): no client security at all, one client plays every party on the shared topic, exactly
 *   as before. The tests and benchmarks use this.</li>
 *   <li><b>{@code --secure}</b>: the local demo users of {@code deploy/local/stack up --secure}: SASL_PLAINTEXT,
 *   SCRAM-SHA-512, principal = the party code lower-cased ({@code DE-BPOL} → {@code de-bpol}), password
 *   {@code <principal>-local-demo-password}. This is the documented derivation of
 *   {@code org.readmission.local.KafkaSecurity.demoPassword} (deploy/kafka-security/README.md, "Credentials"),
 *   repeated here so that the simulator does not depend on the launcher. LOCAL DEMO ONLY, not secrets.</li>
 *   <li><b>{@code --kafka-config FILE}</b>: a Java properties file of client settings applied to every client, after
 *   (so overriding) the simulator's own settings and those of {@code --secure}. A key {@code party.<principal>.<key>},
 *   e.g. {@code party.de-bpol.sasl.jaas.config}, applies only to that party's clients; other {@code party.*} keys are
 *   ignored for it.</li>
 * </ul>
 * With {@code --secure} or {@code --kafka-config} the run is <em>secure</em>: each party acts as itself, with its own
 * clients, on its own topics ({@link #perParty()}).
 */
public final class ClientSecurity {

    public static final String PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** Prefix of the per-party keys of a {@code --kafka-config} file. */
    public static final String PARTY_PREFIX = "party.";

    private static final ClientSecurity OPEN = new ClientSecurity(false, null, Map.of());

    private final boolean localDemo;
    private final Path file;
    private final Map<String, String> fileSettings;

    private ClientSecurity(boolean localDemo, Path file, Map<String, String> fileSettings) {
        this.localDemo = localDemo;
        this.file = file;
        this.fileSettings = fileSettings;
    }

    /** No client security: the open local mode. */
    public static ClientSecurity open() {
        return OPEN;
    }

    /** {@code --secure}: the local demo users, no file. */
    public static ClientSecurity localDemo() {
        return new ClientSecurity(true, null, Map.of());
    }

    /**
     * {@code --secure} and/or {@code --kafka-config}. Both absent: {@link #open()}.
     *
     * @throws IllegalArgumentException when the file cannot be read
     */
    public static ClientSecurity of(boolean localDemo, Path kafkaConfig) {
        if (kafkaConfig == null) {
            return localDemo ? localDemo() : open();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(kafkaConfig, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("--kafka-config " + kafkaConfig + " cannot be read: " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name.strip(), properties.getProperty(name).strip()));
        return new ClientSecurity(localDemo, kafkaConfig, Map.copyOf(settings));
    }

    /** The principal of a party: its code lower-cased ({@code User:de-bpol}). */
    public static String principalOf(String party) {
        return party.toLowerCase(Locale.ROOT);
    }

    /** LOCAL DEMO ONLY, not a secret: the password {@code deploy/local/stack up --secure} gives every user. */
    public static String demoPassword(String principal) {
        return principal + "-local-demo-password";
    }

    /** The JAAS line of a SCRAM client. */
    public static String jaasConfig(String principal, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
    }

    /** True when each party acts as itself on its own topics ({@code --secure} or {@code --kafka-config}). */
    public boolean perParty() {
        return localDemo || file != null;
    }

    public boolean localDemoCredentials() {
        return localDemo;
    }

    /**
     * The security settings of a party's clients (producer, consumer, admin); empty in open mode. {@code party} may
     * be null for a client that acts for nobody in particular (then only the file's common keys apply).
     */
    public Map<String, Object> settingsFor(String party) {
        Map<String, Object> settings = new LinkedHashMap<>();
        String principal = party == null ? null : principalOf(party);
        if (localDemo && principal != null) {
            settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
            settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
            settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(principal, demoPassword(principal)));
        }
        fileSettings.forEach((key, value) -> {
            if (!key.startsWith(PARTY_PREFIX)) {
                settings.put(key, value);
            }
        });
        if (principal != null) {
            String own = PARTY_PREFIX + principal + ".";
            fileSettings.forEach((key, value) -> {
                if (key.startsWith(own) && key.length() > own.length()) {
                    settings.put(key.substring(own.length()), value);
                }
            });
        }
        return settings;
    }

    /** One line for the run's header, without any password. */
    public String describe() {
        if (!perParty()) {
            return "open (no client security; one client plays every party on the shared topic)";
        }
        StringBuilder text = new StringBuilder("secure: each party as itself (principal = party code lower-case)");
        if (localDemo) {
            text.append(", ").append(PROTOCOL).append(' ').append(MECHANISM).append(" with the local demo passwords");
        }
        if (file != null) {
            text.append(", client settings from ").append(file);
        }
        return text.toString();
    }

    /** What to check when Kafka refuses a party's credentials. */
    String authenticationHint(String party) {
        String principal = principalOf(party);
        if (localDemo && file == null) {
            return "--secure uses the local demo user '" + principal + "' with password '" + demoPassword(principal)
                    + "'; deploy/local/stack up --secure creates these users. Is the stack running in secure mode"
                    + " (stack up --secure, or STACK_SECURE=1)? For another broker give the party's credentials with"
                    + " --kafka-config FILE.";
        }
        return "check the credentials for '" + principal + "' in " + (file == null ? "the client settings" : file)
                + " (sasl.jaas.config, or party." + principal + ".sasl.jaas.config) and that the broker has this user"
                + (localDemo ? "; on the local stack, deploy/local/stack up --secure creates the users" : "") + ".";
    }
}
