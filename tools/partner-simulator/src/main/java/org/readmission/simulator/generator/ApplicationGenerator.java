package org.readmission.simulator.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

import org.readmission.events.common.Person;
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;

/**
 * Valid readmission applications as the parties' systems send them: mostly Member States asking Azerbaijan (AZ-SMS),
 * some AZ-SMS asking Germany or the Netherlands; own nationals, third-country nationals and stateless persons; single
 * persons and families; normal and accelerated procedures.
 * <p>
 * Deterministic: the same seed, run tag and clock give the same applications. The run tag goes into every
 * application id, so that each run's ids are new to the gateway.
 */
public final class ApplicationGenerator {

    private static final List<String> EU_SENDERS_WEIGHTED = List.of(Parties.DE_BPOL, Parties.DE_BPOL, Parties.DE_BPOL,
            Parties.NL_DTV, Parties.NL_DTV, Parties.FR_DGEF, Parties.AT_BFA, Parties.PL_SG);
    private static final List<String> REMARKS = List.of(
            "Person is in detention pending removal.",
            "Family travelling together; please process the persons in one case.",
            "Person has a chronic illness (diabetes); medical escort may be needed.",
            "Return on a scheduled flight via Istanbul is possible within two weeks of approval.",
            "Person declares willingness to return voluntarily.");

    private final RandomGenerator random;
    private final String runTag;
    private final Instant now;
    private final LocalDate today;
    private final FamilyGenerator families;
    private final Map<String, Integer> sequences = new HashMap<>();

    /**
     * @param seed   makes the content reproducible
     * @param runTag a short token unique to the run (e.g. {@link #runTagOf(Instant)}); part of every application id
     * @param now    the moment of submission; dates of birth and documents lie before it
     */
    public ApplicationGenerator(long seed, String runTag, Instant now) {
        this.random = new Random(seed);
        this.runTag = runTag;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
        this.families = new FamilyGenerator(random, today);
    }

    /** A short base-36 token of the start time (changes every second), e.g. {@code T5K2QZ}. */
    public static String runTagOf(Instant start) {
        return Long.toString(start.getEpochSecond(), 36).toUpperCase(Locale.ROOT);
    }

    /** 80 % a Member State's authority asking AZ-SMS, 20 % AZ-SMS asking DE-BPOL or NL-DTV. */
    public Direction randomDirection() {
        if (Pick.chance(random, 0.8)) {
            return new Direction(Pick.one(random, EU_SENDERS_WEIGHTED), Parties.AZ_SMS);
        }
        return new Direction(Parties.AZ_SMS, Pick.chance(random, 0.6) ? Parties.DE_BPOL : Parties.NL_DTV);
    }

    /** The usual partner of a sender: a Member State's authority asks AZ-SMS; AZ-SMS asks DE-BPOL. */
    public static Direction directionOf(String sender) {
        return Parties.isAzerbaijani(sender) ? new Direction(sender, Parties.DE_BPOL) : new Direction(sender, Parties.AZ_SMS);
    }

    public ReadmissionApplicationSubmitted next() {
        return next(randomDirection());
    }

    public ReadmissionApplicationSubmitted next(Direction direction) {
        return next(direction, Pick.chance(random, 0.15) ? ProcedureType.ACCELERATED : ProcedureType.NORMAL);
    }

    public ReadmissionApplicationSubmitted next(Direction direction, ProcedureType procedure) {
        PersonCategory category = category(direction);
        String nationality = nationality(direction, category);
        Instant submittedAt = now.minusSeconds(random.nextInt(120));
        List<Person> persons = families.family(direction, category, nationality);
        return ReadmissionApplicationSubmitted.newBuilder()
                .setApplicationId(nextApplicationId(direction.requesting()))
                .setRequestingParty(Parties.code(direction.requesting()))
                .setRequestedParty(Parties.code(direction.requested()))
                .setProcedure(procedure)
                .setCategory(category)
                .setSubmittedAt(submittedAt)
                .setApprehension(apprehension(direction, procedure, submittedAt))
                .setPersons(persons)
                .setRemarks(Pick.chance(random, 0.3) ? Pick.one(random, REMARKS) : null)
                .build();
    }

    /** e.g. {@code DE-BPOL-2025-T5K2QZ-00017}: the party, the year, the run tag and a number per party. */
    public String nextApplicationId(String requestingParty) {
        int number = sequences.merge(requestingParty, 1, Integer::sum);
        return String.format(Locale.ROOT, "%s-%d-%s-%05d", requestingParty, today.getYear(), runTag, number);
    }

    public Instant now() {
        return now;
    }

    public LocalDate today() {
        return today;
    }

    public String runTag() {
        return runTag;
    }

    /** The generator's random source, for variations that must stay reproducible (see {@link InvalidSubmissions}). */
    RandomGenerator random() {
        return random;
    }

    private PersonCategory category(Direction direction) {
        double roll = random.nextDouble();
        if (direction.towardsAzerbaijan()) {
            return roll < 0.75 ? PersonCategory.OWN_NATIONAL
                    : roll < 0.93 ? PersonCategory.THIRD_COUNTRY_NATIONAL : PersonCategory.STATELESS_PERSON;
        }
        return roll < 0.85 ? PersonCategory.THIRD_COUNTRY_NATIONAL : PersonCategory.OWN_NATIONAL;
    }

    private String nationality(Direction direction, PersonCategory category) {
        return switch (category) {
            case OWN_NATIONAL -> direction.requestedCountry();
            case STATELESS_PERSON -> null;
            case THIRD_COUNTRY_NATIONAL -> Pick.chance(random, 0.4) ? "IR" : Pick.one(random, ForeignNames.THIRD_COUNTRIES);
        };
    }

    /**
     * Accelerated: apprehended in the border region (arrival airport) an hour or a day before, having come directly
     * from the requested state. Normal: a third of them were apprehended inland weeks before; the rest carry none.
     */
    private Apprehension apprehension(Direction direction, ProcedureType procedure, Instant submittedAt) {
        if (procedure == ProcedureType.ACCELERATED) {
            Duration before = Pick.chance(random, 0.5)
                    ? Duration.ofMinutes(Pick.between(random, 40, 80))
                    : Duration.ofHours(24).plusMinutes(Pick.between(random, -90, 90));
            return Apprehension.newBuilder()
                    .setApprehendedAt(submittedAt.minus(before))
                    .setPlace(Places.borderRegion(random, direction.requestingCountry()))
                    .setInBorderRegion(true)
                    .setCrossedDirectlyFrom(direction.requestedCountry())
                    .build();
        }
        if (Pick.chance(random, 0.35)) {
            return Apprehension.newBuilder()
                    .setApprehendedAt(submittedAt.minus(Duration.ofDays(Pick.between(random, 3, 150)))
                            .minus(Duration.ofMinutes(Pick.between(random, 0, 600))))
                    .setPlace(Places.inland(random, direction.requestingCountry()))
                    .setInBorderRegion(false)
                    .setCrossedDirectlyFrom(Pick.chance(random, 0.5) ? direction.requestedCountry() : null)
                    .build();
        }
        return null;
    }
}
