package org.readmission.identity.assessment;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The decision table, read top to bottom: the first rule that applies decides the outcome. Its reason is the first
 * reason of the result; the reason code is the rule's name.
 */
public enum VerificationRule {

    FALSE_DOCUMENT_PRESENTED(Outcome.NOT_CONFIRMED,
            f -> !falseDocuments(f).isEmpty(),
            f -> labels(falseDocuments(f)) + " is on the requested state's list of "
                    + falseDocuments(f).get(0).listing().name().toLowerCase() + " documents; a false document never counts as evidence"),

    FINGERPRINTS_CONTRADICT_CLAIMED_IDENTITY(Outcome.NOT_CONFIRMED,
            f -> f.fingerprints().standing() == FingerprintStanding.CONTRADICTS_CLAIMED_IDENTITY,
            f -> "the fingerprints do not match those enrolled in the registry for the claimed identity (score band "
                    + f.fingerprints().band() + ")"),

    DOCUMENT_REGISTERED_TO_ANOTHER_PERSON(Outcome.NOT_CONFIRMED,
            f -> !registeredToOthers(f).isEmpty(),
            f -> "the registry records " + labels(registeredToOthers(f)) + " as issued to a person with another name or date of birth"),

    REGISTRY_RECORDS_OTHER_NATIONALITY(Outcome.NOT_CONFIRMED,
            f -> !otherNationality(f).isEmpty() || fingerprintsShowOtherNationality(f),
            f -> "the registry record found for " + (otherNationality(f).isEmpty() ? "the fingerprints" : labels(otherNationality(f)))
                    + " does not record " + f.requestedState() + " nationality"),

    PROOF_FOUND(Outcome.CONFIRMED,
            f -> f.anyDocument(DocumentStanding.PROOF) || f.fingerprintsConfirmNational(),
            f -> f.anyDocument(DocumentStanding.PROOF)
                    ? labels(of(f, DocumentStanding.PROOF)) + ": valid machine-readable zone and the registry record matches the declared identity (proof, Annex 1)"
                    : "the fingerprints match the registry record of a " + f.requestedState() + " national (score band " + f.fingerprints().band() + ")"),

    PRIMA_FACIE_ONLY(Outcome.INTERVIEW_REQUIRED,
            f -> f.anyDocument(DocumentStanding.PRIMA_FACIE) || !f.otherEvidence().isEmpty(),
            f -> "only prima facie evidence (Annex 2: " + primaFacieLabels(f) + "); nationality is to be established by a consular interview"),

    NO_EVIDENCE_OR_DISPUTED(Outcome.INTERVIEW_REQUIRED,
            f -> true,
            f -> f.anyDocument(DocumentStanding.DISPUTED)
                    ? "the evidence is disputed (" + labels(of(f, DocumentStanding.DISPUTED)) + "); nationality is to be established by a consular interview"
                    : "no evidence of " + f.requestedState() + " nationality; nationality is to be established by a consular interview");

    private final Outcome outcome;
    private final Predicate<Findings> applies;
    private final Function<Findings, String> reason;

    VerificationRule(Outcome outcome, Predicate<Findings> applies, Function<Findings, String> reason) {
        this.outcome = outcome;
        this.applies = applies;
        this.reason = reason;
    }

    public Outcome outcome() {
        return outcome;
    }

    boolean appliesTo(Findings findings) {
        return applies.test(findings);
    }

    String reasonFor(Findings findings) {
        return reason.apply(findings);
    }

    private static List<DocumentFinding> falseDocuments(Findings f) {
        return f.documents().stream().filter(d -> d.listing() == Listing.STOLEN || d.listing() == Listing.FORGED).toList();
    }

    private static List<DocumentFinding> registeredToOthers(Findings f) {
        return f.documents().stream().filter(d -> d.listing() == Listing.NOT_LISTED && d.registry() == RegistryStanding.OTHER_PERSON).toList();
    }

    private static List<DocumentFinding> otherNationality(Findings f) {
        return f.documents().stream().filter(d -> d.listing() == Listing.NOT_LISTED && d.registry() == RegistryStanding.SAME_PERSON
                && !f.requestedState().equals(d.registryNationality())).toList();
    }

    private static boolean fingerprintsShowOtherNationality(Findings f) {
        FingerprintStanding s = f.fingerprints().standing();
        return (s == FingerprintStanding.MATCHES_CLAIMED_IDENTITY || s == FingerprintStanding.IDENTIFIED_IN_REGISTRY)
                && !f.requestedState().equals(f.fingerprints().registryNationality());
    }

    private static List<DocumentFinding> of(Findings f, DocumentStanding standing) {
        return f.documents().stream().filter(d -> d.standing(f.requestedState()) == standing).toList();
    }

    private static String labels(List<DocumentFinding> documents) {
        return documents.stream().map(DocumentFinding::label).distinct().collect(Collectors.joining(", "));
    }

    private static String primaFacieLabels(Findings f) {
        return java.util.stream.Stream.concat(of(f, DocumentStanding.PRIMA_FACIE).stream().map(DocumentFinding::label),
                f.otherEvidence().stream().map(OtherEvidence::label)).distinct().collect(Collectors.joining(", "));
    }
}
