package org.readmission.simulator.generator;

import static org.readmission.events.common.AnnexClass.PRIMA_FACIE;
import static org.readmission.events.common.AnnexClass.PROOF;
import static org.readmission.events.common.AnnexClass.THIRD_COUNTRY_PRIMA_FACIE;
import static org.readmission.events.common.AnnexClass.THIRD_COUNTRY_PROOF;
import static org.readmission.events.common.AnnexClass.UNCLASSIFIED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.DocumentType;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.Sex;

/**
 * Evidence of nationality (Annex 1 proof, Annex 2 prima facie) for own nationals, and evidence of the conditions of
 * readmission (Annexes 3/4: visa, residence permit, stamps, tickets) for third-country nationals and stateless persons,
 * with the documents behind it. Some persons have none and need a consular interview.
 */
final class EvidenceFactory {

    private final RandomGenerator random;
    private final LocalDate today;

    EvidenceFactory(RandomGenerator random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    /** A national of the requested state: its passport or ID card, copies, statements, or nothing (interview). */
    EvidenceSet ownNational(Subject person, String requestingCountry) {
        Items items = new Items(person.personId());
        boolean child = person.ageOn(today) < 14;
        double roll = random.nextDouble();
        if (child) {
            if (roll < 0.55) {
                items.add(EvidenceKind.DOCUMENT, PRIMA_FACIE, document(DocumentType.BIRTH_CERTIFICATE, person, false), null);
            } else if (roll < 0.85) {
                items.add(EvidenceKind.DOCUMENT, PROOF, document(DocumentType.NATIONAL_PASSPORT, person, false), null);
            } else {
                return EvidenceSet.interviewOnly(List.of());
            }
            return items.build();
        }
        if (roll < 0.42) {
            items.add(EvidenceKind.DOCUMENT, PROOF, document(proofType(person), person, false), null);
            if (Pick.chance(random, 0.3)) {
                primaFacie(items, person, requestingCountry);
            }
        } else if (roll < 0.77) {
            primaFacie(items, person, requestingCountry);
            if (Pick.chance(random, 0.4)) {
                primaFacie(items, person, requestingCountry);
            }
        } else if (roll < 0.88) {
            unclassified(items, person);
            if (Pick.chance(random, 0.5)) {
                primaFacie(items, person, requestingCountry);
            }
        } else {
            return EvidenceSet.interviewOnly(List.of());
        }
        return items.build();
    }

    /**
     * A third-country national or stateless person who holds a visa or residence permit of the requested state or
     * came directly from its territory (stamps, tickets, hotel bills, witnesses). The own national passport, if any,
     * is listed among the documents but is no evidence for the requested state.
     */
    EvidenceSet thirdCountry(Subject person, String requestedCountry, String requestingCountry) {
        Items items = new Items(person.personId());
        if (person.nationality() != null && Pick.chance(random, 0.7)) {
            items.documentOnly(document(DocumentType.NATIONAL_PASSPORT, person.nationality(), person, false));
        }
        double roll = random.nextDouble();
        if (roll < 0.5) {
            DocumentType type = Pick.chance(random, 0.5) ? DocumentType.VISA : DocumentType.RESIDENCE_PERMIT;
            items.add(EvidenceKind.DOCUMENT, THIRD_COUNTRY_PROOF, document(type, requestedCountry, person, false),
                    type == DocumentType.VISA ? "Visa of " + requestedCountry + " used for the last entry"
                            : "Residence permit issued by " + requestedCountry);
        } else if (roll < 0.9) {
            thirdCountryPrimaFacie(items, person, requestedCountry, requestingCountry);
            if (Pick.chance(random, 0.5)) {
                thirdCountryPrimaFacie(items, person, requestedCountry, requestingCountry);
            }
        } else {
            return EvidenceSet.interviewOnly(items.documents);
        }
        return items.build();
    }

    private DocumentType proofType(Subject person) {
        if (!"AZ".equals(person.nationality())) {
            return Pick.chance(random, 0.6) ? DocumentType.NATIONAL_PASSPORT : DocumentType.IDENTITY_CARD;
        }
        double roll = random.nextDouble();
        if (roll < 0.50) {
            return DocumentType.NATIONAL_PASSPORT;
        } else if (roll < 0.78) {
            return DocumentType.IDENTITY_CARD;
        } else if (roll < 0.85) {
            return DocumentType.SUBSTITUTE_PASSPORT;
        } else if (roll < 0.91) {
            return DocumentType.TEMPORARY_IDENTITY_CARD;
        } else if (roll < 0.97) {
            return DocumentType.CITIZENSHIP_CERTIFICATE;
        }
        return DocumentType.SERVICE_PASSPORT;
    }

    private void primaFacie(Items items, Subject person, String requestingCountry) {
        int choice = random.nextInt(9);
        if (person.ageOn(today) < 18 && choice >= 2 && choice <= 4) {
            choice = 8; // minors hold no driving licence, service book or company card
        }
        switch (choice) {
            case 0 -> items.add(EvidenceKind.DOCUMENT_COPY, PRIMA_FACIE, document(DocumentType.NATIONAL_PASSPORT, person, true),
                    "Photocopy of the passport found during the search of " + person.his() + " belongings");
            case 1 -> items.add(EvidenceKind.DOCUMENT_COPY, PRIMA_FACIE, document(DocumentType.IDENTITY_CARD, person, true),
                    "Photo of the ID card on " + person.his() + " mobile phone");
            case 2 -> items.add(EvidenceKind.DOCUMENT, PRIMA_FACIE, document(DocumentType.DRIVING_LICENCE, person, false), null);
            case 3 -> items.add(EvidenceKind.DOCUMENT, PRIMA_FACIE, document(person.sex() == Sex.MALE
                    ? DocumentType.MILITARY_SERVICE_BOOK : DocumentType.BIRTH_CERTIFICATE, person, false), null);
            case 4 -> items.add(EvidenceKind.DOCUMENT, PRIMA_FACIE, document(Pick.chance(random, 0.3)
                    ? DocumentType.SEAMANS_BOOK : DocumentType.COMPANY_OR_SERVICE_ID, person, false), null);
            case 5 -> items.add(EvidenceKind.WITNESS_STATEMENT, PRIMA_FACIE, null,
                    "Statement of a cousin living in " + requestingCountry + " that " + person.he() + " was born in "
                            + person.placeOfBirth() + " and grew up there");
            case 6 -> items.add(EvidenceKind.OWN_STATEMENT, PRIMA_FACIE, null,
                    "States that " + person.he() + " was born in " + person.placeOfBirth()
                            + ", is an Azerbaijani citizen and left Azerbaijan in " + (today.getYear() - Pick.between(random, 1, 6))
                            + " by air via Istanbul");
            case 7 -> items.add(EvidenceKind.LANGUAGE, PRIMA_FACIE, null,
                    "Speaks Azerbaijani as mother tongue, regional features of " + person.placeOfBirth()
                            + "; confirmed by a sworn interpreter");
            default -> items.add(EvidenceKind.DOCUMENT_COPY, PRIMA_FACIE, document(DocumentType.BIRTH_CERTIFICATE, person, true),
                    "Copy of the birth certificate sent by relatives");
        }
    }

    private void unclassified(Items items, Subject person) {
        if (Pick.chance(random, 0.5)) {
            items.add(EvidenceKind.FINGERPRINT_MATCH, UNCLASSIFIED, null,
                    "Fingerprints match a Schengen visa application lodged in Bakı (VIS hit)");
        } else {
            items.add(EvidenceKind.OTHER, UNCLASSIFIED, null, Pick.one(random, List.of(
                    "Photo of a student card of the Azerbaijan State Oil and Industry University",
                    "Payslip of an employer in Sumqayıt",
                    "Medical record of a polyclinic in " + person.placeOfBirth())));
        }
    }

    private void thirdCountryPrimaFacie(Items items, Subject person, String requestedCountry, String requestingCountry) {
        String airport = "AZ".equals(requestedCountry) ? "Heydər Əliyev airport (GYD)" : airportOf(requestedCountry);
        LocalDate travelled = today.minusDays(Pick.between(random, 3, 300));
        switch (random.nextInt(4)) {
            case 0 -> items.add(EvidenceKind.ENTRY_EXIT_STAMP, THIRD_COUNTRY_PRIMA_FACIE, null,
                    "Exit stamp of " + airport + " dated " + travelled + " in " + person.his() + " passport");
            case 1 -> items.add(EvidenceKind.TICKET_OR_HOTEL_BILL, THIRD_COUNTRY_PRIMA_FACIE,
                    document(DocumentType.TRAVEL_TICKET, requestedCountry, person, false),
                    "Boarding pass " + flight(requestedCountry, requestingCountry) + " of " + travelled);
            case 2 -> items.add(EvidenceKind.TICKET_OR_HOTEL_BILL, THIRD_COUNTRY_PRIMA_FACIE, null,
                    "Hotel bill, " + ("AZ".equals(requestedCountry) ? "Bakı" : airportCity(requestedCountry)) + ", "
                            + Pick.between(random, 2, 20) + " nights up to " + travelled);
            default -> items.add(EvidenceKind.WITNESS_STATEMENT, THIRD_COUNTRY_PRIMA_FACIE, null,
                    "Statement of a fellow traveller that they flew together from "
                            + ("AZ".equals(requestedCountry) ? "Bakı" : airportCity(requestedCountry)));
        }
    }

    private DocumentRef document(DocumentType type, Subject person, boolean copyOnly) {
        return document(type, person.nationality() == null ? "AZ" : person.nationality(), person, copyOnly);
    }

    private DocumentRef document(DocumentType type, String issuingCountry, Subject person, boolean copyOnly) {
        int validityYears = switch (type) {
            case VISA -> 0;
            case RESIDENCE_PERMIT -> Pick.between(random, 1, 5);
            case BIRTH_CERTIFICATE, CITIZENSHIP_CERTIFICATE, MILITARY_SERVICE_BOOK, TRAVEL_TICKET -> -1;
            case TEMPORARY_IDENTITY_CARD, SUBSTITUTE_PASSPORT -> 1;
            default -> person.ageOn(today) < 18 ? 5 : 10;
        };
        LocalDate issuedOn = issuedOn(type, person, validityYears);
        LocalDate expiresOn = switch (validityYears) {
            case -1 -> null;
            case 0 -> issuedOn.plusDays(Pick.between(random, 30, 90));
            default -> issuedOn.plusYears(validityYears);
        };
        return DocumentRef.newBuilder()
                .setDocumentType(type)
                .setNumber(DocumentNumbers.number(random, type, issuingCountry))
                .setIssuingCountry(issuingCountry)
                .setIssuedOn(issuedOn)
                .setExpiresOn(expiresOn)
                .setCopyOnly(copyOnly)
                .build();
    }

    /** Within the validity period before today; a quarter of passports and ID cards have expired (they still count). */
    private LocalDate issuedOn(DocumentType type, Subject person, int validityYears) {
        if (type == DocumentType.BIRTH_CERTIFICATE) {
            return person.dateOfBirth().plusDays(Pick.between(random, 3, 40));
        }
        if (type == DocumentType.TRAVEL_TICKET) {
            return today.minusDays(Pick.between(random, 3, 300));
        }
        int spanDays = validityYears <= 0 ? 365 : validityYears * 365;
        boolean expired = validityYears >= 5 && Pick.chance(random, 0.25);
        LocalDate issued = expired
                ? today.minusDays(spanDays + Pick.between(random, 30, 1500))
                : today.minusDays(Pick.between(random, 30, Math.max(31, spanDays - 30)));
        LocalDate earliest = switch (type) {
            case DRIVING_LICENCE, COMPANY_OR_SERVICE_ID, MILITARY_SERVICE_BOOK, SEAMANS_BOOK -> person.dateOfBirth().plusYears(18);
            default -> person.dateOfBirth().plusDays(30);
        };
        if (issued.isBefore(earliest)) {
            issued = earliest.isAfter(today.minusDays(30)) ? today.minusDays(30) : earliest;
        }
        return issued;
    }

    private static String airportOf(String country) {
        return switch (country) {
            case "NL" -> "Schiphol airport (AMS)";
            case "FR" -> "Paris-Charles de Gaulle airport (CDG)";
            case "AT" -> "Vienna airport (VIE)";
            case "PL" -> "Warsaw Chopin airport (WAW)";
            default -> "Frankfurt airport (FRA)";
        };
    }

    private static String airportCity(String country) {
        return switch (country) {
            case "NL" -> "Amsterdam";
            case "FR" -> "Paris";
            case "AT" -> "Wien";
            case "PL" -> "Warszawa";
            default -> "Frankfurt am Main";
        };
    }

    private String flight(String from, String to) {
        String code = "AZ".equals(from) ? "J2 " + Pick.between(random, 8000, 8099) : "LH " + Pick.between(random, 2500, 2599);
        return code + " " + iata(from) + "–" + iata(to);
    }

    private static String iata(String country) {
        return switch (country) {
            case "AZ" -> "GYD";
            case "NL" -> "AMS";
            case "FR" -> "CDG";
            case "AT" -> "VIE";
            case "PL" -> "WAW";
            default -> "FRA";
        };
    }

    /** Collects the items of one person, numbering them p1-e1, p1-e2, ... */
    private static final class Items {
        private final String personId;
        private final List<DocumentRef> documents = new ArrayList<>();
        private final List<EvidenceItem> evidence = new ArrayList<>();

        Items(String personId) {
            this.personId = personId;
        }

        void documentOnly(DocumentRef document) {
            documents.add(document);
        }

        void add(EvidenceKind kind, AnnexClass annexClass, DocumentRef document, String description) {
            if (document != null) {
                documents.add(document);
            }
            evidence.add(EvidenceItem.newBuilder()
                    .setEvidenceId(personId + "-e" + (evidence.size() + 1))
                    .setKind(kind)
                    .setAnnexClass(annexClass)
                    .setDocument(document)
                    .setDescription(description)
                    .build());
        }

        EvidenceSet build() {
            return new EvidenceSet(List.copyOf(documents), List.copyOf(evidence), false);
        }
    }
}
