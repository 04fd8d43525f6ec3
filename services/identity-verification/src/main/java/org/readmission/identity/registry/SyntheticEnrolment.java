package org.readmission.identity.registry;

import java.util.List;

import org.readmission.identity.testdata.SyntheticDocument;
import org.readmission.identity.testdata.SyntheticFalseDocument;
import org.readmission.identity.testdata.SyntheticPerson;
import org.readmission.identity.testdata.SyntheticRegistry;

/** Puts a {@link SyntheticRegistry} into the registry and the false-documents list (demo seeding and tests). */
public final class SyntheticEnrolment {

    private SyntheticEnrolment() {
    }

    public static void enrolAll(SyntheticRegistry synthetic, PassportRegistry registry, FalseDocuments falseDocuments) {
        synthetic.persons().forEach(person -> registry.enrol(enrolment(person)));
        for (SyntheticFalseDocument listed : synthetic.falseDocuments()) {
            falseDocuments.report(listed.document().number(), listed.document().issuingCountry(),
                    FalseDocumentListing.valueOf(listed.listing()), listed.reportedOn());
        }
    }

    /** How a synthetic person enters the registry. */
    public static NewRegistryPerson enrolment(SyntheticPerson person) {
        return new NewRegistryPerson(person.recordId(), person.surname(), person.givenNames(), person.patronymic(),
                person.dateOfBirth(), String.valueOf(person.sex()), person.nationality(),
                List.of(document(person.passport()), document(person.identityCard())),
                person.fingerprints().stream().map(f -> new NewRegistryPerson.Finger(String.valueOf(f.finger()), f.template())).toList());
    }

    private static NewRegistryPerson.Document document(SyntheticDocument document) {
        return new NewRegistryPerson.Document(document.kind(), document.number(), document.issuingCountry(),
                document.issuedOn(), document.expiresOn());
    }
}
