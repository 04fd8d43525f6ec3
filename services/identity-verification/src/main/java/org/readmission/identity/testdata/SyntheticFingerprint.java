package org.readmission.identity.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic finger: a random minutiae set standing for the finger's ridge pattern. A re-capture is the same
 * minutiae with the noise of a new impression (shift, small rotation, position and angle jitter, some minutiae missed,
 * some spurious ones added). Images cannot be synthesised here; templates are enough for SourceAFIS matching.
 */
public record SyntheticFingerprint(int finger, List<Minutia> minutiae) {

    private static final int MARGIN = 40;

    public SyntheticFingerprint {
        minutiae = List.copyOf(minutiae);
    }

    /** A new finger with 35 to 55 minutiae, at least 12 px apart. */
    public static SyntheticFingerprint random(int finger, Random random) {
        int count = 35 + random.nextInt(21);
        List<Minutia> minutiae = new ArrayList<>();
        while (minutiae.size() < count) {
            Minutia candidate = new Minutia(MARGIN + random.nextInt(IsoTemplates.WIDTH - 2 * MARGIN),
                    MARGIN + random.nextInt(IsoTemplates.HEIGHT - 2 * MARGIN), random.nextDouble() * 360, random.nextBoolean());
            if (minutiae.stream().noneMatch(m -> Math.hypot(m.x() - candidate.x(), m.y() - candidate.y()) < 12)) {
                minutiae.add(candidate);
            }
        }
        return new SyntheticFingerprint(finger, minutiae);
    }

    /** The ISO 19794-2:2005 template of the enrolled impression. */
    public byte[] template() {
        return IsoTemplates.write(finger, minutiae);
    }

    /** The template of another impression of the same finger. */
    public byte[] recapture(Random random) {
        double rotation = Math.toRadians(random.nextGaussian() * 6);
        int shiftX = (int) Math.round(random.nextGaussian() * 10);
        int shiftY = (int) Math.round(random.nextGaussian() * 10);
        double cx = IsoTemplates.WIDTH / 2.0;
        double cy = IsoTemplates.HEIGHT / 2.0;
        List<Minutia> captured = new ArrayList<>();
        for (Minutia m : minutiae) {
            if (random.nextDouble() < 0.15) {
                continue; // missed in this impression
            }
            double dx = m.x() - cx;
            double dy = m.y() - cy;
            int x = (int) Math.round(cx + dx * Math.cos(rotation) - dy * Math.sin(rotation) + shiftX + random.nextGaussian() * 2.5);
            int y = (int) Math.round(cy + dx * Math.sin(rotation) + dy * Math.cos(rotation) + shiftY + random.nextGaussian() * 2.5);
            // image y axis points down, ISO angles turn counter-clockwise: a rotation by +r turns directions by -r
            double angle = m.angle() - Math.toDegrees(rotation) + random.nextGaussian() * 4;
            boolean bifurcation = random.nextDouble() < 0.05 ? !m.bifurcation() : m.bifurcation();
            if (x > 0 && y > 0 && x < IsoTemplates.WIDTH && y < IsoTemplates.HEIGHT) {
                captured.add(new Minutia(x, y, angle, bifurcation));
            }
        }
        int spurious = random.nextInt(6);
        for (int i = 0; i < spurious; i++) {
            captured.add(new Minutia(MARGIN + random.nextInt(IsoTemplates.WIDTH - 2 * MARGIN),
                    MARGIN + random.nextInt(IsoTemplates.HEIGHT - 2 * MARGIN), random.nextDouble() * 360, random.nextBoolean()));
        }
        return IsoTemplates.write(finger, captured);
    }
}
