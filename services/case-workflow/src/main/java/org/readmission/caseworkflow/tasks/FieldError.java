package org.readmission.caseworkflow.tasks;

/** What is wrong with one form field, in words the officer can act on. */
public record FieldError(String field, String message) {
}
