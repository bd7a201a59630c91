package io.invicta.tools.generate;

import io.invicta.schemas.GeoPoint;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The entities of one event type, as parallel arrays precomputed once: id, key bytes, fixed
 * location, zone and a few per-entity parameters (bias, capacity, size). Entity {@code i} reports
 * at {@code start + k·interval + i·interval/n}, so reports are spread evenly over each interval.
 */
final class EntityTable {

    final EventType type;
    final int size;
    final long intervalMs;
    final String[] ids;
    final byte[][] keys;

    /** Fixed locations (stationary sensors); for vehicles the home location of the route. */
    final GeoPoint[] locations;

    final int[] zones;

    /** Per-entity parameters; meaning depends on the type (see {@link Readings}). */
    final double[] p0;

    final double[] p1;
    final double[] p2;

    /** Vehicle routes (only for {@link EventType#VEHICLE_POSITIONS}). */
    final VehicleRoutes routes;

    EntityTable(EventType type, int size, long intervalMs, long seed, double busShare) {
        this.type = type;
        this.size = size;
        this.intervalMs = intervalMs;
        ids = new String[size];
        keys = new byte[size][];
        locations = new GeoPoint[size];
        zones = new int[size];
        p0 = new double[size];
        p1 = new double[size];
        p2 = new double[size];
        SplittableRandom random =
                new SplittableRandom(seed * 31 + type.ordinal() * 0x9E3779B97F4A7C15L);
        int buses = type == EventType.VEHICLE_POSITIONS ? (int) Math.round(size * busShare) : 0;
        int taxis = size - buses;
        routes =
                type == EventType.VEHICLE_POSITIONS ? new VehicleRoutes(size, taxis, random) : null;
        for (int i = 0; i < size; i++) {
            ids[i] =
                    type == EventType.VEHICLE_POSITIONS
                            ? (i < taxis
                                    ? id("porto-taxi-", i, taxis, 4)
                                    : id("porto-bus-", i - taxis, buses, 4))
                            : id("porto-" + type.idPrefix() + "-", i, size, 5);
            keys[i] = ids[i].getBytes(StandardCharsets.UTF_8);
            double lat;
            double lon;
            if (routes != null) {
                lat = routes.homeLat(i);
                lon = routes.homeLon(i);
            } else {
                lat =
                        round6(
                                PortoZones.LAT_MIN
                                        + 0.001
                                        + random.nextDouble()
                                                * (PortoZones.LAT_MAX
                                                        - PortoZones.LAT_MIN
                                                        - 0.002));
                lon =
                        round6(
                                PortoZones.LON_MIN
                                        + 0.001
                                        + random.nextDouble()
                                                * (PortoZones.LON_MAX
                                                        - PortoZones.LON_MIN
                                                        - 0.002));
            }
            locations[i] = new GeoPoint(lat, lon);
            zones[i] = PortoZones.zoneOf(lat, lon);
            parameters(i, PortoZones.kind(zones[i]), random);
        }
    }

    private void parameters(int i, PortoZones.Kind kind, SplittableRandom random) {
        switch (type) {
            case AIR_QUALITY -> // station bias: the centre is more polluted, the coast cleaner
                    p0[i] =
                            (0.85 + 0.3 * random.nextDouble())
                                    * (kind == PortoZones.Kind.CENTRE
                                            ? 1.2
                                            : kind == PortoZones.Kind.COASTAL ? 0.8 : 1.0);
            case NOISE -> // dB offset of the site
                    p0[i] =
                            -3
                                    + 6 * random.nextDouble()
                                    + (kind == PortoZones.Kind.CENTRE
                                            ? 2
                                            : kind == PortoZones.Kind.COASTAL ? -1 : 0);
            case WEATHER -> {
                p0[i] = -0.8 + 1.6 * random.nextDouble(); // temperature offset, °C
                p1[i] =
                        (0.8 + 0.4 * random.nextDouble())
                                * (kind == PortoZones.Kind.COASTAL ? 1.3 : 1.0); // wind factor
            }
            case TRAFFIC_FLOW -> {
                p0[i] = 8 + 22 * random.nextDouble(); // peak vehicles per minute on the lane
                p1[i] = 35 + 35 * random.nextDouble(); // free-flow speed, km/h
                p2[i] = 1 + random.nextInt(3); // lane id
            }
            case PARKING -> p0[i] = 20 + random.nextInt(181); // total spots
            case BIKE_STATIONS -> p0[i] = 12 + random.nextInt(29); // total docks
            case VEHICLE_POSITIONS -> p0[i] = 0;
        }
    }

    /** Reporting phase of entity i within the interval, ms. */
    long phase(int i) {
        return i * intervalMs / size;
    }

    /** Zero-padded id without String.format (runs once per entity, but 100k of them). */
    static String id(String prefix, int n, int count, int minDigits) {
        int digits = Math.max(minDigits, Integer.toString(Math.max(0, count - 1)).length());
        String s = Integer.toString(n);
        StringBuilder b = new StringBuilder(prefix.length() + digits).append(prefix);
        for (int k = s.length(); k < digits; k++) {
            b.append('0');
        }
        return b.append(s).toString();
    }

    static double round6(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }
}
