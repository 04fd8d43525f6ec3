package org.readmission.reintegration.retention;

/**
 * Sends the erasure notice (PersonalDataErased) of an erased case to each party still pending, and reports each one
 * sent with {@link Retention#notified}. A port: the retention capability does not know Kafka or the Avro contract.
 */
public interface ErasureNotices {

    void send(CaseRetention retention);
}
