package org.readmission.identity.assessment;

/** What a kind of document can prove, by the annexes. */
public enum DocumentCategory {
    /** passports of any kind, identity cards (also temporary), citizenship certificates: Annex 1 */
    NATIONALITY_DOCUMENT,
    /** driving licences, birth certificates, service ids, military and seaman's books, others: Annex 2 */
    OTHER_OFFICIAL_DOCUMENT,
    /** visas, residence permits, tickets: the conditions for third-country nationals (Annexes 3 and 4) */
    THIRD_COUNTRY_DOCUMENT
}
