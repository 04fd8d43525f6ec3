package org.readmission.protection;

/**
 * A kind of sensitive field a service protects (a document number, a fingerprint template, an application). Its
 * name goes into the associated data of every ciphertext ({@code owner + '/' + fieldName}) and into access records.
 * Each service names its own fields, usually as an enum.
 */
public interface SensitiveField {

    String fieldName();
}
