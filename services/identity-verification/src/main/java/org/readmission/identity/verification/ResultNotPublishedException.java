package org.readmission.identity.verification;

/** The result is stored but not yet on Kafka: the request is redelivered and the stored event sent again. */
class ResultNotPublishedException extends RuntimeException {

    ResultNotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
