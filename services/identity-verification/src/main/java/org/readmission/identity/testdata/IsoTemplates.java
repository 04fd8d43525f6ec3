package org.readmission.identity.testdata;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Writes ISO/IEC 19794-2:2005 finger minutiae records (one finger view, no extended data). */
public final class IsoTemplates {

    public static final int WIDTH = 400;
    public static final int HEIGHT = 500;
    private static final int PIXELS_PER_CM = 197; // 500 dpi

    private IsoTemplates() {
    }

    /** @param finger ISO finger position code (0 unknown, 1 right thumb, 2 right index ... 10 left little) */
    public static byte[] write(int finger, List<Minutia> minutiae) {
        int length = 24 + 4 + minutiae.size() * 6 + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        out.writeBytes(new byte[] {'F', 'M', 'R', 0, ' ', '2', '0', 0});
        int32(out, length);
        int16(out, 0); // capture equipment: not certified, unknown device
        int16(out, WIDTH);
        int16(out, HEIGHT);
        int16(out, PIXELS_PER_CM);
        int16(out, PIXELS_PER_CM);
        out.write(1); // finger views
        out.write(0); // reserved
        out.write(finger);
        out.write(0); // view 0, impression: live-scan plain
        out.write(80); // finger quality
        out.write(minutiae.size());
        for (Minutia m : minutiae) {
            int type = m.bifurcation() ? 2 : 1;
            int16(out, (type << 14) | (m.x() & 0x3FFF));
            int16(out, m.y() & 0x3FFF);
            out.write((int) Math.round(normalised(m.angle()) * 256 / 360.0) & 0xFF);
            out.write(60); // minutia quality
        }
        int16(out, 0); // no extended data
        return out.toByteArray();
    }

    private static double normalised(double degrees) {
        double d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xFF);
        out.write(value & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        int16(out, value >>> 16);
        int16(out, value & 0xFFFF);
    }
}
