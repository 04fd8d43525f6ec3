package org.readmission.identity.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.readmission.identity.mrz.MachineReadableZone;
import org.readmission.identity.protection.AccessLog;
import org.readmission.identity.protection.AccessPurpose;
import org.readmission.protection.BlindIndex;
import org.readmission.identity.protection.ProtectedField;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The known lost, stolen and forged documents (numbers as blind index only). */
@Component
public class FalseDocuments {

    private final MongoTemplate mongo;
    private final BlindIndex index;
    private final AccessLog accessLog;

    FalseDocuments(MongoTemplate mongo, BlindIndex index, AccessLog accessLog) {
        this.mongo = mongo;
        this.index = index;
        this.accessLog = accessLog;
    }

    /** The listing of the document issued by that state (ISO alpha-2) with that number, if listed. */
    public Optional<FalseDocumentListing> listingOf(String number, String issuingCountry, String caseId) {
        List<String> candidates = index.candidates(PassportRegistry.NUMBER_INDEX_KIND, MachineReadableZone.normalisedNumber(number));
        List<FalseDocument> entries = mongo.find(Query.query(Criteria.where("numberIndex").in(candidates)), FalseDocument.class);
        Optional<FalseDocument> entry = entries.stream()
                .filter(e -> issuingCountry == null || e.issuingCountry() == null || e.issuingCountry().equalsIgnoreCase(issuingCountry))
                .findFirst();
        accessLog.record(caseId, entry.map(FalseDocument::id).orElse(null), ProtectedField.DOCUMENT_NUMBER,
                AccessPurpose.CHECK_FALSE_DOCUMENT_LIST, entry.isPresent() ? "listed" : "not listed");
        return entry.map(FalseDocument::listing);
    }

    public void report(String number, String issuingCountry, FalseDocumentListing listing, LocalDate reportedOn) {
        mongo.insert(new FalseDocument(UUID.randomUUID().toString(),
                index.of(PassportRegistry.NUMBER_INDEX_KIND, MachineReadableZone.normalisedNumber(number)), issuingCountry,
                listing, reportedOn));
    }

    public long size() {
        return mongo.count(new Query(), FalseDocument.class);
    }
}
