package org.readmission.identity.mrz;

/** The machine-readable zone layouts of ICAO Doc 9303 (parts 5, 6 and 4). */
public enum MrzFormat {
    TD1(3, 30, "IAC"),
    TD2(2, 36, "IAC"),
    TD3(2, 44, "P");

    private final int lines;
    private final int length;
    private final String documentCodes;

    MrzFormat(int lines, int length, String documentCodes) {
        this.lines = lines;
        this.length = length;
        this.documentCodes = documentCodes;
    }

    public int lines() {
        return lines;
    }

    public int length() {
        return length;
    }

    /** First characters of the document code this layout is used for (passports P; identity cards I, A, C). */
    boolean allowsDocumentCode(char first) {
        return documentCodes.indexOf(first) >= 0;
    }

    static MrzFormat of(int lineCount, int lineLength) {
        for (MrzFormat format : values()) {
            if (format.lines == lineCount && format.length == lineLength) {
                return format;
            }
        }
        return null;
    }
}
