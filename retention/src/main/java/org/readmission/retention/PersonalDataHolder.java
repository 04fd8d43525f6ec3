package org.readmission.retention;

import java.time.Instant;
import java.util.List;

/**
 * What a service keeps of a case's personal data, and how it blanks it: the one thing each service writes for
 * retention. Declaring a bean of this type switches the retention job on (see {@link RetentionAutoConfiguration}).
 * The case key is shredded by {@link Retention} before {@link #erase} is called, so {@code erase} only has to blank
 * what the service keeps in clear and remove its blind-index entries; it must be idempotent and work on a case whose
 * key is gone.
 */
public interface PersonalDataHolder {

    /** Whose data the service holds for the case, and who received some of it besides the case's two parties. */
    Holdings holdingsOf(String caseId);

    /** Blanks the case's personal data kept by the service (its documents keep ids, parties and dates only). */
    void erase(String caseId, Instant at);

    /**
     * The part of the system this service erases, as the partners see it: the name of one of the contract's
     * {@code ErasureScope} values ({@code CASE_FILE}, {@code IDENTITY_VERIFICATION}, {@code REINTEGRATION},
     * {@code READ_MODEL}, {@code PROCESS_HISTORY}); checked at start-up.
     */
    String scope();

    /** One sentence for the notice: what this service erased, e.g. "the referrals of this case". */
    String erasedWhat();

    /**
     * @param personIds        the persons whose data the service holds for the case (ids only)
     * @param otherRecipients  parties other than the requesting and requested one that received personal data of the
     *                         case from this service (e.g. reintegration providers)
     * @param holdsData        whether the service holds anything of the case; when not, nobody is told
     */
    record Holdings(List<String> personIds, List<String> otherRecipients, boolean holdsData) {

        public static Holdings nothing() {
            return new Holdings(List.of(), List.of(), false);
        }

        public static Holdings of(List<String> personIds, List<String> otherRecipients) {
            return new Holdings(List.copyOf(personIds), List.copyOf(otherRecipients), true);
        }
    }
}
