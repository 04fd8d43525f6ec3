package org.readmission.identity.fingerprint;

/** A template that SourceAFIS cannot import; the message names the finger, never the bytes. */
public class UnreadableTemplateException extends RuntimeException {

    public UnreadableTemplateException(String message) {
        super(message);
    }
}
