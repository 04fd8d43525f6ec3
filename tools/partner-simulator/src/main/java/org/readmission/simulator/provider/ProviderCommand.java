package org.readmission.simulator.provider;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.readmission.simulator.Options;
import org.readmission.simulator.kafka.KafkaSettings;

/**
 * {@code provider}: plays a reintegration provider (issue 5). Accepts the referrals offered to it, declining every
 * N-th to exercise re-routing, then reports the support plan and, with {@code --follow-ups}, the follow-ups and the
 * closure. Runs for {@code --duration}, or until stopped (Ctrl-C).
 */
public final class ProviderCommand {

    public static final String USAGE = "provider --party IOM-AZ [--bootstrap 127.0.0.1:9092] [--decline-every N]"
            + " [--follow-ups] [--duration 60s] " + KafkaSettings.OPTIONS_USAGE;

    /** The providers seeded by services/reintegration (application.yml). */
    static final List<String> SEEDED_PROVIDERS = List.of("AZ-SMS-RU", "IOM-AZ", "AZ-EURP-GANJA", "AZ-EURP-LANKARAN", "DE-CARITAS");

    record ProviderOptions(String party, KafkaSettings kafka, ProviderBehaviour behaviour, Duration duration) {

        static ProviderOptions from(Options options) {
            String party = options.text("party", null);
            if (party == null || party.isBlank() || "true".equals(party)) {
                throw new IllegalArgumentException("provider needs --party, the provider's party code, one of " + SEEDED_PROVIDERS);
            }
            ProviderOptions parsed = new ProviderOptions(party.trim().toUpperCase(Locale.ROOT),
                    KafkaSettings.from(options),
                    new ProviderBehaviour(options.integer("decline-every", 0), options.flag("follow-ups")),
                    options.duration("duration", null));
            options.requireAllUsed();
            return parsed;
        }
    }

    private ProviderCommand() {
    }

    public static int run(Options options, PrintStream out) {
        ProviderOptions o = ProviderOptions.from(options);
        if (!SEEDED_PROVIDERS.contains(o.party())) {
            out.println("note: " + o.party() + " is not one of the providers services/reintegration seeds " + SEEDED_PROVIDERS
                    + "; it will only get offers if its registry knows it");
        }
        KafkaSettings kafka = o.kafka();
        kafka.requireReachable(kafka.secure() ? o.party() : null, Duration.ofSeconds(10));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "provider-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ProviderLoop.Result result = new ProviderLoop(kafka, o.party(), o.behaviour(), out).run(o.duration(), stop::get);
            out.printf(Locale.ROOT, "Provider %s: %d offers, %d accepted, %d declined, %d reports sent, %d consent withdrawals%n",
                    o.party(), result.offers(), result.accepted(), result.declined(), result.reports(), result.withdrawals());
            return 0;
        } finally {
            finished.countDown();
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }
}
