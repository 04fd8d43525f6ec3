package org.readmission.reintegration.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.types.Binary;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.SensitiveField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.stereotype.Component;

/**
 * Seals a referral's personal data under its case's key on every write ({@code personalData}, binary; associated
 * data = case, referral id and field) and opens it on every read. A referral of a case whose key was shredded reads
 * without that data; an erased referral stores none. Documents written before sealing (data in clear) are read as
 * they are and sealed on their next save.
 */
@Component
class ReferralSealing implements BeforeSaveCallback<Referral>, AfterConvertCallback<Referral> {

    static final String PERSONAL_DATA = "personalData";

    private static final Logger LOG = LoggerFactory.getLogger(ReferralSealing.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLEAR_FIELDS = List.of("priority", "needs", "vulnerabilities", "region", "notes");

    private final CaseKeys keys;

    ReferralSealing(CaseKeys keys) {
        this.keys = keys;
    }

    enum Field implements SensitiveField {
        REFERRAL_PERSONAL_DATA;

        @Override
        public String fieldName() {
            return name();
        }
    }

    @Override
    public Referral onBeforeSave(Referral referral, Document document, String collection) {
        CLEAR_FIELDS.forEach(document::remove);
        if (document.get("followUps") instanceof List<?> followUps) {
            followUps.stream().filter(Document.class::isInstance).forEach(followUp -> ((Document) followUp).remove("note"));
        }
        if (referral.erased()) {
            document.remove(PERSONAL_DATA);
            return referral;
        }
        try {
            byte[] json = JSON.writeValueAsBytes(referral.personalData());
            document.put(PERSONAL_DATA, new Binary(keys.encrypt(referral.caseId(), referral.id(), json,
                    Field.REFERRAL_PERSONAL_DATA)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise the personal data of a referral of case "
                    + referral.caseId(), e);
        }
        return referral;
    }

    @Override
    public Referral onAfterConvert(Referral referral, Document document, String collection) {
        if (referral.erased()) {
            return referral;
        }
        Binary sealed = document.get(PERSONAL_DATA, Binary.class);
        if (sealed == null) {
            referral.restore(legacy(document, referral));
            return referral;
        }
        try {
            byte[] json = keys.decrypt(referral.caseId(), referral.id(), sealed.getData(), Field.REFERRAL_PERSONAL_DATA);
            referral.restore(JSON.readValue(json, ReferralPersonalData.class));
        } catch (CaseKeyShreddedException e) {
            LOG.debug("Case {}: key shredded, referral read without personal data", referral.caseId());
            referral.forgetPersonalData();
        } catch (IOException e) {
            throw new UncheckedIOException("the sealed personal data of a referral of case " + referral.caseId()
                    + " is not readable", e);
        }
        return referral;
    }

    /** A document from before sealing: its data in clear (sealed, and removed from the clear fields, on next save). */
    @SuppressWarnings("unchecked")
    private static ReferralPersonalData legacy(Document document, Referral referral) {
        List<String> followUpNotes = new ArrayList<>();
        referral.followUps().forEach(followUp -> followUpNotes.add(followUp.note()));
        return new ReferralPersonalData(document.getString("priority"), document.get("needs", List.class),
                document.get("vulnerabilities", List.class), document.getString("region"),
                document.get("notes", List.class), followUpNotes);
    }
}
