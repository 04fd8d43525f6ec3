package org.readmission.identity.verification;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.DocumentType;
import org.readmission.events.common.Person;
import org.readmission.identity.assessment.DocumentCategory;
import org.readmission.identity.assessment.DocumentFinding;
import org.readmission.identity.assessment.Listing;
import org.readmission.identity.assessment.MrzStatus;
import org.readmission.identity.assessment.RegistryStanding;
import org.readmission.identity.mrz.DeclaredIdentity;
import org.readmission.identity.mrz.IcaoCodes;
import org.readmission.identity.mrz.Inconsistency;
import org.readmission.identity.mrz.MachineReadableZone;
import org.readmission.identity.mrz.MrzProblem;
import org.readmission.names.NameKey;
import org.readmission.identity.registry.DocumentMatch;
import org.readmission.identity.registry.FalseDocuments;
import org.readmission.identity.registry.PassportRegistry;
import org.readmission.identity.registry.RegistryPerson;
import org.springframework.stereotype.Component;

/** Checks one presented document: zone, declared identity, false-documents list, registry. */
@Component
class DocumentChecks {

    private final PassportRegistry registry;
    private final FalseDocuments falseDocuments;

    DocumentChecks(PassportRegistry registry, FalseDocuments falseDocuments) {
        this.registry = registry;
        this.falseDocuments = falseDocuments;
    }

    /** The finding, and the registry record the document number belongs to (if any). */
    record Checked(DocumentFinding finding, Optional<RegistryPerson> registryRecord) {
    }

    Checked check(DocumentRef document, boolean copy, Person person, String registryState, String caseId, LocalDate today) {
        MachineReadableZone zone = document.getMachineReadableZone() == null ? null
                : MachineReadableZone.read(document.getMachineReadableZone(), today);
        String issuingCountry = document.getIssuingCountry();
        String number = document.getNumber() != null ? document.getNumber()
                : zone != null && zone.documentNumber() != null && !zone.documentNumber().isEmpty() ? zone.documentNumber() : null;
        boolean issuedByRequestedState = issuingCountry != null ? registryState.equalsIgnoreCase(issuingCountry)
                : zone != null && IcaoCodes.ofAlpha2(registryState).equals(zone.issuingState());
        DocumentCategory category = categoryOf(document.getDocumentType());
        Listing listing = number == null ? Listing.NOT_LISTED
                : falseDocuments.listingOf(number, issuingCountry, caseId).map(l -> Listing.valueOf(l.name())).orElse(Listing.NOT_LISTED);
        RegistryStanding standing = RegistryStanding.NOT_SEARCHED;
        Optional<RegistryPerson> record = Optional.empty();
        if (number != null && issuedByRequestedState && category == DocumentCategory.NATIONALITY_DOCUMENT) {
            Optional<DocumentMatch> match = registry.byDocumentNumber(number, caseId);
            record = match.map(DocumentMatch::person);
            standing = match.map(m -> samePerson(m.person(), person) ? RegistryStanding.SAME_PERSON : RegistryStanding.OTHER_PERSON)
                    .orElse(RegistryStanding.NOT_FOUND);
        }
        List<String> problems = zone == null ? List.of() : zone.problems().stream().map(MrzProblem::description).toList();
        List<String> inconsistencies = zone == null || !zone.isValid() ? List.of()
                : zone.inconsistenciesWith(declared(person, document)).stream().map(Inconsistency::description).toList();
        boolean expired = zone != null && zone.isExpiredOn(today)
                || document.getExpiresOn() != null && document.getExpiresOn().isBefore(today);
        DocumentFinding finding = new DocumentFinding(label(document, issuingCountry, zone, copy), category, !copy,
                issuedByRequestedState, zone == null ? MrzStatus.ABSENT : zone.isValid() ? MrzStatus.VALID : MrzStatus.INVALID,
                problems, inconsistencies, expired, listing, standing, record.map(RegistryPerson::nationality).orElse(null));
        return new Checked(finding, record);
    }

    static boolean samePerson(RegistryPerson record, Person person) {
        return record.dateOfBirth().equals(person.getDateOfBirth())
                && record.nameKey().equals(NameKey.of(person.getName().getSurname(), person.getName().getGivenNames()).value());
    }

    private static DeclaredIdentity declared(Person person, DocumentRef document) {
        char sex;
        switch (person.getSex()) {
            case FEMALE:
                sex = 'F';
                break;
            case MALE:
                sex = 'M';
                break;
            default:
                sex = '<';
        }
        return new DeclaredIdentity(person.getName().getSurname(), person.getName().getGivenNames(), person.getDateOfBirth(),
                sex, document.getNumber(), document.getIssuingCountry());
    }

    private static String label(DocumentRef document, String issuingCountry, MachineReadableZone zone, boolean copy) {
        String issuer = issuingCountry != null ? issuingCountry : zone != null && zone.issuingState() != null ? zone.issuingState() : "an unknown state";
        return (copy ? "copy of " : "") + document.getDocumentType().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " issued by " + issuer;
    }

    static DocumentCategory categoryOf(DocumentType type) {
        switch (type) {
            case NATIONAL_PASSPORT:
            case DIPLOMATIC_PASSPORT:
            case SERVICE_PASSPORT:
            case SUBSTITUTE_PASSPORT:
            case IDENTITY_CARD:
            case TEMPORARY_IDENTITY_CARD:
            case CITIZENSHIP_CERTIFICATE:
                return DocumentCategory.NATIONALITY_DOCUMENT;
            case VISA:
            case RESIDENCE_PERMIT:
            case TRAVEL_TICKET:
                return DocumentCategory.THIRD_COUNTRY_DOCUMENT;
            default:
                return DocumentCategory.OTHER_OFFICIAL_DOCUMENT;
        }
    }
}
