package org.readmission.caseworkflow.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.readmission.caseworkflow.CaseCommands;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.Keysets;
import org.readmission.testing.InMemoryCaseKeyStore;

/** Case files and a store-less {@link CaseFiles} for tests that only read them. */
public final class CaseFileFixtures {

    static final AvroCodec CODEC = new AvroCodec(EventCatalog.v1());
    /** Per-case keys in memory, shared by the fixtures of one test run. */
    public static final CaseKeys KEYS = new CaseKeys(new InMemoryCaseKeyStore(),
            Keysets.generate(PredefinedAeadParameters.AES256_GCM));

    private CaseFileFixtures() {
    }

    /** The case file of {@link CaseCommands#openCase(String)}, with travel documents if given. */
    public static CaseFile registered(String caseId, CaseFile.TravelDocumentEntry... travelDocuments) {
        OpenReadmissionCase command = CaseCommands.openCase(caseId);
        CaseFile file = new CaseFiles(null, null, CODEC, KEYS, Clock.systemUTC()).fileOf(command);
        return new CaseFile(file.caseId(), file.applicationId(), file.requestingParty(), file.requestedParty(),
                file.procedure(), file.category(), file.receivedAt(), file.submissionId(), file.registeredAt(),
                file.application(), file.persons(), Map.of(), List.of(), List.of(), List.of(), List.of(travelDocuments));
    }

    /** Reads applications and persons of case files; writing needs a store. */
    public static CaseFiles reader() {
        return new CaseFiles(null, null, CODEC, KEYS, Clock.systemUTC());
    }

    public static CaseFile.TravelDocumentEntry travelDocument(String personId, Instant issuedAt) {
        return new CaseFile.TravelDocumentEntry(personId, "LP" + personId.toUpperCase() + "12345",
                java.time.LocalDate.of(2030, 1, 31), issuedAt, "consul-1");
    }
}
