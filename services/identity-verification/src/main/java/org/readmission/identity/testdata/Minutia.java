package org.readmission.identity.testdata;

/** One minutia: position in pixels (500 dpi), direction in degrees, ridge ending or bifurcation. */
public record Minutia(int x, int y, double angle, boolean bifurcation) {
}
