package org.readmission.protection;

/** Encryption or decryption failed; the message names the owner and field, never the value. */
public class ProtectionException extends RuntimeException {

    public ProtectionException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProtectionException(String message) {
        super(message);
    }
}
