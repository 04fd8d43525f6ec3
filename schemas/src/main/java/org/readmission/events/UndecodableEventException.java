package org.readmission.events;

/** Bytes that are not an event of the catalogue, with what is wrong in words a partner's developer can act on. */
public final class UndecodableEventException extends Exception {

  public enum Problem { EMPTY, NOT_SINGLE_OBJECT_ENCODED, UNKNOWN_SCHEMA_FINGERPRINT, CORRUPT_BODY }

  private final Problem problem;

  public UndecodableEventException(Problem problem, String message) {
    this(problem, message, null);
  }

  public UndecodableEventException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
