package org.readmission.workflow;

/**
 * One item of evidence for one person, as the classification rules see it. Values use the names of the event
 * catalogue: {@code evidenceKind} from {@code EvidenceKind} (DOCUMENT, DOCUMENT_COPY, WITNESS_STATEMENT ...),
 * {@code documentType} from {@code DocumentType} (NATIONAL_PASSPORT, VISA ...; null when the item is no document),
 * {@code personCategory} from {@code PersonCategory} (OWN_NATIONAL, THIRD_COUNTRY_NATIONAL, STATELESS_PERSON).
 */
public record Evidence(String personId, String personCategory, String evidenceKind, String documentType,
                       boolean copyOnly, boolean knownFalse, boolean documentExpired) {

  /** An original document. */
  public static Evidence document(String personId, String personCategory, String documentType) {
    return new Evidence(personId, personCategory, "DOCUMENT", documentType, false, false, false);
  }

  /** Evidence that is not a document (a statement, the language spoken, a stamp ...). */
  public static Evidence other(String personId, String personCategory, String evidenceKind) {
    return new Evidence(personId, personCategory, evidenceKind, null, false, false, false);
  }

  public Evidence copy() {
    return new Evidence(personId, personCategory, evidenceKind, documentType, true, knownFalse, documentExpired);
  }

  public Evidence falsified() {
    return new Evidence(personId, personCategory, evidenceKind, documentType, copyOnly, true, documentExpired);
  }

  public Evidence expired() {
    return new Evidence(personId, personCategory, evidenceKind, documentType, copyOnly, knownFalse, true);
  }
}
