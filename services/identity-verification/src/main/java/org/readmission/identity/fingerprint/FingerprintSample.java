package org.readmission.identity.fingerprint;

/**
 * One finger's template (ISO/IEC 19794-2:2005 or ANSI INCITS 378-2004) with its ISO finger position ("0" unknown).
 * Biometric data: {@link #toString()} never shows the template.
 */
public record FingerprintSample(String finger, byte[] template) {

    boolean sameFingerAs(FingerprintSample other) {
        return "0".equals(finger) || "0".equals(other.finger) || finger.equals(other.finger);
    }

    @Override
    public String toString() {
        return "FingerprintSample[finger=" + finger + ", template=(" + template.length + " bytes)]";
    }
}
