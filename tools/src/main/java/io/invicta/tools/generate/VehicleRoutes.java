package io.invicta.tools.generate;

import java.util.SplittableRandom;

/**
 * Closed routes for taxis and buses: piecewise straight segments between waypoints inside the city
 * box, each driven at a constant speed (taxis 20–50 km/h, buses 15–35 km/h), with a dwell (speed 0)
 * at each waypoint (taxi pick-ups, bus stops). A vehicle loops over its route forever, so its
 * position is a pure function of time: speed and heading are those of the current segment and
 * therefore consistent with consecutive positions.
 */
final class VehicleRoutes {

    static final double METRES_PER_DEG_LAT = 110_574.0;
    static final double METRES_PER_DEG_LON = 111_320.0 * Math.cos(Math.toRadians(41.16));

    private final int[] waypointCount;
    private final double[][] lat;
    private final double[][] lon;

    /**
     * Per leg: time the leg starts within the loop (ms), its move duration, its speed and heading.
     */
    private final long[][] legStart;

    private final long[][] moveMs;
    private final double[][] speedKmh;
    private final double[][] heading;
    private final long[] periodMs;
    private final long[] offsetMs;
    private final boolean[] bus;

    VehicleRoutes(int size, int taxis, SplittableRandom random) {
        waypointCount = new int[size];
        lat = new double[size][];
        lon = new double[size][];
        legStart = new long[size][];
        moveMs = new long[size][];
        speedKmh = new double[size][];
        heading = new double[size][];
        periodMs = new long[size];
        offsetMs = new long[size];
        bus = new boolean[size];
        for (int v = 0; v < size; v++) {
            bus[v] = v >= taxis;
            build(v, random);
        }
    }

    private void build(int v, SplittableRandom random) {
        int n;
        double[] la;
        double[] lo;
        if (bus[v]) { // out along a jittered line between two termini, and back: stops every few
            // hundred metres
            int stops = 5 + random.nextInt(6);
            n = 2 * stops - 2;
            la = new double[n];
            lo = new double[n];
            double aLat = randomLat(random);
            double aLon = randomLon(random);
            double bLat = randomLat(random);
            double bLon = randomLon(random);
            for (int s = 0; s < stops; s++) {
                double f = s / (double) (stops - 1);
                la[s] = clampLat(aLat + f * (bLat - aLat) + (random.nextDouble() - 0.5) * 0.003);
                lo[s] = clampLon(aLon + f * (bLon - aLon) + (random.nextDouble() - 0.5) * 0.003);
            }
            for (int s = stops; s < n; s++) { // the way back visits the same stops in reverse
                la[s] = la[n - s];
                lo[s] = lo[n - s];
            }
        } else { // a taxi shift: random destinations 0.4–3 km apart
            n = 6 + random.nextInt(5);
            la = new double[n];
            lo = new double[n];
            la[0] = randomLat(random);
            lo[0] = randomLon(random);
            for (int k = 1; k < n; k++) {
                double d;
                do {
                    la[k] = randomLat(random);
                    lo[k] = randomLon(random);
                    d = distanceM(la[k - 1], lo[k - 1], la[k], lo[k]);
                } while (d < 400 || d > 3000);
            }
        }
        waypointCount[v] = n;
        lat[v] = la;
        lon[v] = lo;
        legStart[v] = new long[n];
        moveMs[v] = new long[n];
        speedKmh[v] = new double[n];
        heading[v] = new double[n];
        long t = 0;
        for (int k = 0; k < n; k++) {
            int next = (k + 1) % n;
            double speed = bus[v] ? 15 + 20 * random.nextDouble() : 20 + 30 * random.nextDouble();
            speed = Math.rint(speed * 10) / 10;
            double d = distanceM(la[k], lo[k], la[next], lo[next]);
            legStart[v][k] = t;
            moveMs[v][k] = Math.max(1000, Math.round(d / (speed / 3.6) * 1000));
            speedKmh[v][k] = speed;
            heading[v][k] = bearing(la[k], lo[k], la[next], lo[next]);
            long dwell = bus[v] ? 20_000 + random.nextInt(25_000) : random.nextInt(120_000);
            t += moveMs[v][k] + dwell;
        }
        periodMs[v] = t;
        offsetMs[v] = (long) (random.nextDouble() * t);
    }

    double homeLat(int v) {
        return lat[v][0];
    }

    double homeLon(int v) {
        return lon[v][0];
    }

    boolean isBus(int v) {
        return bus[v];
    }

    /** Loop number at time t (a new trip per loop). */
    long loop(int v, long t) {
        return Math.floorDiv(t + offsetMs[v], periodMs[v]);
    }

    /**
     * Position of vehicle v at time t into {@code out} = {lat, lon, speed km/h, heading deg}.
     * During a dwell the speed is 0 and the heading that of the leg just driven.
     */
    void position(int v, long t, double[] out) {
        long within = Math.floorMod(t + offsetMs[v], periodMs[v]);
        long[] starts = legStart[v];
        int k = waypointCount[v] - 1;
        while (k > 0 && starts[k] > within) {
            k--;
        }
        int next = (k + 1) % waypointCount[v];
        long into = within - starts[k];
        if (into < moveMs[v][k]) {
            double f = into / (double) moveMs[v][k];
            out[0] = lat[v][k] + f * (lat[v][next] - lat[v][k]);
            out[1] = lon[v][k] + f * (lon[v][next] - lon[v][k]);
            out[2] = speedKmh[v][k];
        } else {
            out[0] = lat[v][next];
            out[1] = lon[v][next];
            out[2] = 0;
        }
        out[3] = heading[v][k];
    }

    static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * METRES_PER_DEG_LAT;
        double dx = (lon2 - lon1) * METRES_PER_DEG_LON;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /**
     * Course from point 1 to point 2, degrees clockwise from north, 0..360 (local flat-earth
     * approximation).
     */
    static double bearing(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * METRES_PER_DEG_LAT;
        double dx = (lon2 - lon1) * METRES_PER_DEG_LON;
        double deg = Math.toDegrees(Math.atan2(dx, dy));
        deg = deg < 0 ? deg + 360 : deg;
        return Math.rint(deg * 10) / 10 % 360;
    }

    private static double randomLat(SplittableRandom r) {
        return PortoZones.LAT_MIN
                + 0.002
                + r.nextDouble() * (PortoZones.LAT_MAX - PortoZones.LAT_MIN - 0.004);
    }

    private static double randomLon(SplittableRandom r) {
        return PortoZones.LON_MIN
                + 0.002
                + r.nextDouble() * (PortoZones.LON_MAX - PortoZones.LON_MIN - 0.004);
    }

    private static double clampLat(double v) {
        return CityModel.clamp(v, PortoZones.LAT_MIN + 0.001, PortoZones.LAT_MAX - 0.001);
    }

    private static double clampLon(double v) {
        return CityModel.clamp(v, PortoZones.LON_MIN + 0.001, PortoZones.LON_MAX - 0.001);
    }
}
