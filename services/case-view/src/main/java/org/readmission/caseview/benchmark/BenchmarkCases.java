package org.readmission.caseview.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.readmission.caseview.cases.CaseFile;

/**
 * Realistic cases for the benchmark, built through the read model's own transitions (the same ones the projection
 * applies): EU parties asking AZ-SMS (and a few the other way), 1–4 persons with Azerbaijani names in Latin and
 * Cyrillic script and their documents, every state with the share a living system has, overdue decisions and travel
 * documents, protection holds. Deterministic for a seed. Invented data; nothing of it is logged.
 */
final class BenchmarkCases {

    static final String[] GIVEN = {"Rəşad", "Anar", "Elçin", "Orxan", "Tural", "Kamran", "Vüqar", "Nicat", "Leyla", "Günay",
            "Aysel", "Nərmin", "Səbinə", "Ülviyyə", "Cavid", "Fərid", "İlkin", "Zaur", "Şahin", "Xədicə"};
    static final String[] SURNAME = {"Məmmədov", "Əliyev", "Quliyev", "Hüseynov", "Həsənov", "İsmayılov", "Cəfərov",
            "Abbasov", "Bağırov", "Rzayev", "Nəsirov", "Qasımov", "Şükürov", "Xəlilov", "Vəliyev", "Səfərov", "Kərimov",
            "Orucov", "Ağayev", "Mustafayev"};
    static final String[] CYRILLIC = {"Мамедов", "Алиев", "Кулиев", "Гусейнов", "Гасанов", "Исмаилов", "Джафаров",
            "Аббасов", "Багиров", "Рзаев", "Насиров", "Гасымов", "Шукюров", "Халилов", "Велиев", "Сафаров", "Керимов",
            "Оруджев", "Агаев", "Мустафаев"};
    /** How a requesting officer might spell the surnames (English / Russian-style transliterations). */
    static final String[] TRANSLITERATED = {"Mamedov", "Aliyev", "Guliyev", "Huseynov", "Gasanov", "Ismailov", "Jafarov",
            "Abbasov", "Bagirov", "Rzayev", "Nasirov", "Gasymov", "Shukurov", "Khalilov", "Veliyev", "Safarov", "Kerimov",
            "Orujov", "Agayev", "Mustafayev"};
    private static final String[] REQUESTING = {"DE-BPOL", "DE-BPOL", "DE-BPOL", "DE-BAMF", "NL-DTV", "NL-DTV", "FR-DGEF",
            "AT-BFA", "PL-SG", "SE-MV"};
    private static final String[] BORDER = {"GYD Heydar Aliyev Airport", "Astara", "Böyük Kəsik", "Sınıq Körpü"};

    private final Random random;
    private final Instant now;

    BenchmarkCases(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    /** The {@code n}-th case: its id, a document number and a surname are predictable for the queries. */
    CaseFile next(int n) {
        boolean reverse = random.nextInt(20) == 0; // AZ asks an EU state for a third-country national
        String requesting = reverse ? "AZ-SMS" : REQUESTING[random.nextInt(REQUESTING.length)];
        String requested = reverse ? "DE-BPOL" : "AZ-SMS";
        String caseId = caseId(n);
        CaseFile file = CaseFile.of(new CaseFile.CaseRef(caseId, "APP-" + requesting + "-" + (100000 + n), requesting, requested));
        boolean accelerated = random.nextInt(5) == 0;
        String procedure = accelerated ? "ACCELERATED" : "NORMAL";
        String category = reverse ? "THIRD_COUNTRY_NATIONAL" : random.nextInt(10) == 0 ? "STATELESS_PERSON" : "OWN_NATIONAL";
        int stage = stage();
        // open cases are recent, closed ones spread over the year
        Instant received = now.minus(Duration.ofHours(stage >= 8 ? 24 * 20 + random.nextInt(24 * 340) : 1 + random.nextInt(24 * 40)));
        Instant t = received;
        file.registered(applied(caseId, "case.registered", t, "timeline.registered", 1), procedure, category, received);
        if (stage == 0) {
            return file;
        }
        List<CaseFile.Person> persons = persons(n, 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0));
        t = t.plus(Duration.ofMinutes(5));
        file.forwarded(applied(caseId, "case.application-forwarded", t, "timeline.forwarded", persons.size()), procedure,
                category, received, persons);
        Instant due = t.plus(accelerated ? Duration.ofDays(2) : Duration.ofDays(15));
        file.deadlineSet(applied(caseId, "case.reply-deadline-set", t, "timeline.reply-deadline-set", due),
                new CaseFile.Deadline("REPLY", t, due, accelerated ? "2 working days" : "15 calendar days", "AZ public holidays",
                        "eu-az/1", "EU-AZ readmission agreement, Art. 11", "HIGH", "benchmark"));
        for (CaseFile.Person p : persons) {
            file.verificationRequested(applied(caseId, "identity.verification-requested", t, "timeline.verification-requested",
                    p.personId()), p.personId());
            if (stage >= 2) {
                Instant done = t.plus(Duration.ofHours(2));
                file.verificationCompleted(applied(caseId, "identity.verification-completed", done,
                        "timeline.verification-completed", p.personId(), "CONFIRMED"), p.personId(), "CONFIRMED",
                        List.of("MRZ_VALID"), "PROOF", done);
            }
        }
        if (stage < 3) {
            return file;
        }
        if (stage == 3) { // reply time limit expired
            file.replyExpired(applied(caseId, "case.reply-time-limit-expired", due, "timeline.reply-time-limit-expired", due),
                    file.replyDeadline().orElseThrow());
            return file;
        }
        Instant decided = t.plus(Duration.ofDays(1 + random.nextInt(accelerated ? 2 : 17)));
        boolean refused = stage == 9;
        file.decided(applied(caseId, "case.readmission-decided", decided, "timeline.decided", refused ? "REFUSED" : "APPROVED"),
                new CaseFile.Decision(refused ? "REFUSED" : "APPROVED", decided, requested, "benchmark",
                        refused ? List.of() : persons.stream().map(CaseFile.Person::personId).toList(),
                        refused ? List.of("NATIONALITY_NOT_ESTABLISHED") : List.of(), false));
        if (refused || stage == 4) {
            return close(file, stage, decided);
        }
        Instant issued = decided.plus(Duration.ofDays(1 + random.nextInt(4)));
        for (CaseFile.Person p : persons) {
            file.travelDocumentIssued(applied(caseId, "case.travel-document-issued", issued, "timeline.travel-document-issued",
                    p.personId()), new CaseFile.TravelDocument(p.personId(), "TD" + (7000000 + n), LocalDate.of(2027, 1, 31), true, issued));
        }
        if (stage == 5) {
            return file;
        }
        Instant scheduled = issued.plus(Duration.ofDays(3 + random.nextInt(10)));
        String border = BORDER[random.nextInt(BORDER.length)];
        file.transferScheduled(applied(caseId, "case.transfer-scheduled", issued, "timeline.transfer-scheduled", scheduled, border),
                scheduled, border, null);
        if (random.nextInt(12) == 0) {
            file.holdPlaced(applied(caseId, "case.protection-hold-placed", issued.plusSeconds(3600), "timeline.hold-placed",
                    "NON_REFOULEMENT", requesting), persons.get(0).personId(), "NON_REFOULEMENT", requesting);
        }
        if (stage == 6) {
            return file;
        }
        file.transferCompleted(applied(caseId, "case.transfer-completed", scheduled, "timeline.transfer-completed", border,
                persons.size()), scheduled, border, persons.stream().map(CaseFile.Person::personId).toList());
        // reintegration: most returned persons have been asked for consent (referred or not) by now
        if (stage == 8 || random.nextBoolean()) {
            for (CaseFile.Person p : persons) {
                Instant asked = scheduled.plus(Duration.ofDays(2));
                boolean consent = random.nextInt(4) != 0;
                file.reintegrationReferred(applied(caseId, "reintegration.referral-requested", asked, "timeline.reintegration-referred",
                        p.personId()), p.personId(), consent);
                if (consent && stage == 8) {
                    file.reintegrationProviderAssigned(applied(caseId, "reintegration.provider-assigned", asked.plusSeconds(600),
                            "timeline.reintegration-provider-assigned", p.personId(), "AZ-IOM"), p.personId(), "AZ-IOM");
                    file.reintegrationProgress(applied(caseId, "reintegration.progress-reported", asked.plus(Duration.ofDays(3)),
                            "timeline.reintegration-progress", p.personId(), "ACCEPTED"), p.personId(), "ACCEPTED", "AZ-IOM");
                }
            }
        }
        return stage == 7 ? file : close(file, stage, scheduled);
    }

    static String caseId(int n) {
        return String.format("RC-2026-%06d", n);
    }

    static String documentNumber(int n, int person) {
        return String.format("C%07d", (n * 4 + person) % 10_000_000);
    }

    /** 0 registered, 1 verifying, 2 awaiting decision, 3 reply expired, 4 approved, 5 travel document issued,
     *  6 transfer scheduled, 7 transferred, 8 closed after transfer, 9 refused and closed. */
    private int stage() {
        int roll = random.nextInt(100);
        int[] upTo = {3, 12, 32, 35, 45, 53, 59, 64, 92, 100};
        for (int s = 0; s < upTo.length; s++) {
            if (roll < upTo[s]) {
                return s;
            }
        }
        return 8;
    }

    private CaseFile close(CaseFile file, int stage, Instant after) {
        if (stage < 8) {
            return file;
        }
        Instant closed = after.plus(Duration.ofDays(1));
        String outcome = stage == 9 ? "REFUSED" : "TRANSFERRED";
        file.closed(applied(file.caseId(), "case.case-closed", closed, "timeline.closed", outcome), outcome, closed);
        return file;
    }

    private List<CaseFile.Person> persons(int n, int count) {
        List<CaseFile.Person> persons = new ArrayList<>();
        int family = random.nextInt(SURNAME.length);
        for (int i = 0; i < count; i++) {
            String given = GIVEN[random.nextInt(GIVEN.length)];
            String nativeScript = random.nextBoolean() ? CYRILLIC[family] : null;
            persons.add(new CaseFile.Person("P" + (i + 1), i == 0 ? "MAIN" : "FAMILY_MEMBER", given, SURNAME[family],
                    random.nextInt(3) == 0 ? GIVEN[random.nextInt(GIVEN.length)] + " oğlu" : null, nativeScript,
                    LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    random.nextBoolean() ? "MALE" : "FEMALE", "AZ",
                    List.of(new CaseFile.Document(random.nextInt(3) == 0 ? "IDENTITY_CARD" : "NATIONAL_PASSPORT",
                            documentNumber(n, i), "AZ", LocalDate.of(2029, 6, 30), random.nextInt(4) == 0)),
                    List.of(new CaseFile.Evidence("DOCUMENT", "ANNEX_1", "NATIONAL_PASSPORT", null)),
                    false, false));
        }
        return persons;
    }

    private long events;

    private CaseFile.Applied applied(String caseId, String type, Instant at, String key, Object... args) {
        return new CaseFile.Applied("benchmark-" + (++events), type, at, "benchmark", key,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
