package io.invicta.domain;

/**
 * The vector (circular) mean of wind directions. Directions are angles: their arithmetic mean is
 * wrong (350° and 10° would give 180°, the opposite wind). Each direction becomes a unit vector,
 * the vectors are summed and the mean direction is the direction of the sum (the "unit-vector mean
 * wind direction" of the US EPA's meteorological monitoring guidance, EPA-454/R-99-005). Unit
 * vectors, not speed-weighted ones: every observation counts the same, like the other window
 * statistics, and a gust does not outvote the rest of the window.
 */
public final class WindDirections {

    /**
     * Below this mean resultant length the directions cancel out (e.g. 90° and 270°) and no mean
     * direction is reported: the angle of a near-zero vector is rounding noise.
     */
    public static final double MIN_RESULTANT_LENGTH = 1e-6;

    private WindDirections() {}

    /** East component of the unit vector of a direction in degrees clockwise from north. */
    public static double east(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }

    /** North component of the unit vector of a direction in degrees clockwise from north. */
    public static double north(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }

    /**
     * Length of the mean of {@code count} unit vectors whose components sum to {@code east}, {@code
     * north}: 1 when all directions agree, near 0 when they cancel out.
     */
    public static double resultantLength(double east, double north, long count) {
        return count == 0 ? 0 : Math.hypot(east, north) / count;
    }

    /**
     * Mean direction in degrees [0, 360), or NaN when the resultant is too short to have a
     * direction.
     */
    public static double meanDegrees(double east, double north, long count) {
        if (resultantLength(east, north, count) < MIN_RESULTANT_LENGTH) {
            return Double.NaN;
        }
        double degrees = Math.toDegrees(Math.atan2(east, north));
        degrees = degrees < 0 ? degrees + 360 : degrees;
        return degrees >= 360 ? degrees - 360 : degrees; // -1e-15 + 360 rounds to 360
    }
}
