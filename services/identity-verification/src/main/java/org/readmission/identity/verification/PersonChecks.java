package org.readmission.identity.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.Person;
import org.readmission.identity.assessment.EvidenceClass;
import org.readmission.identity.assessment.Findings;
import org.readmission.identity.assessment.OtherEvidence;
import org.readmission.identity.assessment.RegistryStanding;
import org.readmission.identity.registry.PassportRegistry;
import org.readmission.identity.registry.RegistryPerson;
import org.springframework.stereotype.Component;

/** Runs every check on one person of a request and collects the findings (the boundary from events to the domain). */
@Component
class PersonChecks {

    private final DocumentChecks documents;
    private final FingerprintChecks fingerprints;
    private final PassportRegistry registry;
    private final VerificationProperties properties;
    private final Clock clock;

    PersonChecks(DocumentChecks documents, FingerprintChecks fingerprints, PassportRegistry registry,
                 VerificationProperties properties, Clock clock) {
        this.documents = documents;
        this.fingerprints = fingerprints;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    Findings check(Person person, String caseId) {
        LocalDate today = LocalDate.now(clock);
        String state = properties.registryState();
        List<org.readmission.identity.assessment.DocumentFinding> found = new ArrayList<>();
        Optional<RegistryPerson> claimed = Optional.empty();
        List<OtherEvidence> other = new ArrayList<>();
        for (Presented presented : presentedDocuments(person)) {
            DocumentChecks.Checked checked = documents.check(presented.document(), presented.copy(), person, state, caseId, today);
            found.add(checked.finding());
            if (claimed.isEmpty() && checked.finding().registry() == RegistryStanding.SAME_PERSON) {
                claimed = checked.registryRecord();
            }
        }
        for (EvidenceItem item : person.getEvidence()) {
            if (item.getDocument() == null) {
                other.add(new OtherEvidence(item.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        EvidenceClass.valueOf(item.getAnnexClass().name())));
            }
        }
        boolean documented = claimed.isPresent();
        if (claimed.isEmpty()) {
            List<RegistryPerson> byName = registry.byNameAndBirthDate(person.getName().getSurname(),
                    person.getName().getGivenNames(), person.getDateOfBirth(), caseId);
            if (byName.size() == 1) {
                claimed = Optional.of(byName.get(0));
                other.add(new OtherEvidence("registry record with the same name and date of birth", EvidenceClass.PRIMA_FACIE));
            }
        }
        return new Findings(state, found, other, fingerprints.check(person.getFingerprints(), claimed, documented, caseId),
                person.getInterviewRequested());
    }

    private record Presented(DocumentRef document, boolean copy) {
    }

    /** The person's documents and the documents of evidence items, each once. */
    private static List<Presented> presentedDocuments(Person person) {
        List<Presented> presented = new ArrayList<>();
        for (DocumentRef document : person.getDocuments()) {
            presented.add(new Presented(document, document.getCopyOnly()));
        }
        for (EvidenceItem item : person.getEvidence()) {
            DocumentRef document = item.getDocument();
            if (document != null && presented.stream().noneMatch(p -> p.document().equals(document))) {
                presented.add(new Presented(document, document.getCopyOnly() || item.getKind() == EvidenceKind.DOCUMENT_COPY));
            }
        }
        return presented;
    }
}
