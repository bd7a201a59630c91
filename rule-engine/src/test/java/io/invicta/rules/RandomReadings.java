package io.invicta.rules;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;

import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random input for the rule modules kept in named windows: readings of a few sensors in a
 * few zones, in event-time order, with ties, gaps, missing values and enough of each module's
 * episodes to make alerts. The rules are held to their reference forms and to their own
 * uninterrupted runs on it.
 */
final class RandomReadings {

    static final long START = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

    private RandomReadings() {}

    private static AirQualityObserved.Builder air(String id, String zone, long t, Double no2) {
        return AirQualityObserved.newBuilder()
                .setId(id)
                .setZone(zone)
                .setDateObserved(Instant.ofEpochMilli(t))
                .setLocation(new GeoPoint(41.15, -8.61))
                .setNo2(no2);
    }

    /** The next event time: often the same instant as the last, otherwise up to 8 minutes on. */
    private static long next(Random random, long t) {
        return t + (random.nextInt(4) == 0 ? 0 : random.nextInt(9) * 60_000L);
    }

    /**
     * The next event time in whole seconds: often the same instant as the last, otherwise up to
     * {@code seconds} on.
     */
    private static long nextSecond(Random random, long t, int seconds) {
        return t + (random.nextInt(4) == 0 ? 0 : random.nextInt(seconds + 1) * 1_000L);
    }

    /** NO2 readings of six sensors in three zones, hovering around 200 µg/m³, some without NO2. */
    static List<SpecificRecord> no2(long seed) {
        Random random = new Random(seed);
        List<SpecificRecord> readings = new ArrayList<>();
        long t = START;
        for (int i = 0; i < 4_000; i++) {
            t = next(random, t);
            Double no2 = random.nextInt(20) == 0 ? null : 150.0 + random.nextInt(100);
            String id = "s" + random.nextInt(6);
            readings.add(air(id, "z" + random.nextInt(3), t, no2).build());
        }
        return readings;
    }

    /**
     * Six traffic detectors and four air-quality stations in two zones: speeds that now and then
     * halve (a queue forming) and recover, NO2 drifting up and down, both now and then missing.
     */
    static List<SpecificRecord> trafficAndNo2(long seed) {
        Random random = new Random(seed);
        Map<String, Integer> level = new HashMap<>();
        List<SpecificRecord> readings = new ArrayList<>();
        long t = START;
        for (int i = 0; i < 6_000; i++) {
            t = nextSecond(random, t, 60);
            if (random.nextInt(3) > 0) {
                String id = "t" + random.nextInt(6);
                int speed =
                        random.nextInt(6) == 0
                                ? 10 + random.nextInt(20)
                                : Math.max(0, level.getOrDefault(id, 50) + random.nextInt(11) - 5);
                level.put(id, random.nextInt(6) == 0 ? 50 : speed);
                readings.add(
                        TrafficFlowObserved.newBuilder()
                                .setId(id)
                                .setZone("z" + id.charAt(1) % 2)
                                .setDateObserved(Instant.ofEpochMilli(t))
                                .setLocation(new GeoPoint(41.15, -8.61))
                                .setAverageVehicleSpeed(
                                        random.nextInt(25) == 0 ? null : (double) speed)
                                .build());
            } else {
                String id = "a" + random.nextInt(4);
                int no2 = Math.max(0, level.getOrDefault(id, 60) + random.nextInt(21) - 10);
                level.put(id, no2);
                Double reported = random.nextInt(15) == 0 ? null : (double) no2;
                readings.add(air(id, "z" + id.charAt(1) % 2, t, reported).build());
            }
        }
        return readings;
    }

    /**
     * Five segments of 40 spots filling and emptying by a few spots a reading (now and then freed
     * at once, or reported without a count or with no spots at all).
     */
    static List<SpecificRecord> parking(long seed) {
        Random random = new Random(seed);
        Map<String, Integer> free = new HashMap<>();
        List<SpecificRecord> readings = new ArrayList<>();
        long t = START;
        for (int i = 0; i < 4_000; i++) {
            t = next(random, t);
            String id = "p" + random.nextInt(5);
            int spots =
                    random.nextInt(15) == 0
                            ? 10 + random.nextInt(30)
                            : Math.max(
                                    0,
                                    Math.min(
                                            40, free.getOrDefault(id, 20) + random.nextInt(6) - 4));
            free.put(id, spots);
            int kind = random.nextInt(40);
            readings.add(
                    OnStreetParking.newBuilder()
                            .setId(id)
                            .setZone("z" + random.nextInt(2))
                            .setDateObserved(Instant.ofEpochMilli(t))
                            .setLocation(new GeoPoint(41.15, -8.61))
                            .setAvailableSpotNumber(kind == 0 ? null : spots)
                            .setTotalSpotNumber(kind == 1 ? 0 : 40)
                            .build());
        }
        return readings;
    }

    /**
     * Four vehicles around central Porto that stop for a while (jittering a few metres), move on by
     * a few hundred metres, and sometimes stop at the Aliados taxi stand.
     */
    static List<SpecificRecord> vehicles(long seed) {
        Random random = new Random(seed);
        Map<String, double[]> at = new HashMap<>();
        List<SpecificRecord> positions = new ArrayList<>();
        long t = START;
        for (int i = 0; i < 4_000; i++) {
            t += random.nextInt(3) == 0 ? 0 : random.nextInt(3) * 60_000L;
            String vehicle = "v" + random.nextInt(4);
            double[] place = at.computeIfAbsent(vehicle, v -> new double[] {41.1510, -8.6060});
            int move = random.nextInt(30);
            if (move == 0) {
                place[0] = 41.1510 + random.nextInt(20) * 0.003;
                place[1] = -8.6060 - random.nextInt(20) * 0.003;
            } else if (move == 1) {
                place[0] = 41.1469;
                place[1] = -8.6112;
            }
            double jitter = (random.nextInt(5) - 2) * 0.0001; // up to ~22 m
            positions.add(
                    VehiclePosition.newBuilder()
                            .setId(vehicle + "@" + t)
                            .setVehicleId(vehicle)
                            .setVehicleType(random.nextBoolean() ? "taxi" : "bus")
                            .setZone("z" + random.nextInt(2))
                            .setDateObserved(Instant.ofEpochMilli(t))
                            .setLocation(new GeoPoint(place[0] + jitter, place[1]))
                            .build());
        }
        return positions;
    }

    /**
     * Air-quality readings of six stations whose values come from a handful, so that runs of
     * identical readings last an hour now and then, and which fall silent for a while.
     */
    static List<SpecificRecord> stations(long seed) {
        Random random = new Random(seed);
        List<SpecificRecord> readings = new ArrayList<>();
        long t = START;
        for (int i = 0; i < 4_000; i++) {
            t = next(random, t);
            int station = random.nextInt(6);
            if (random.nextInt(8) == station) {
                continue; // stations 0 to 5 drop readings more and more often
            }
            double no2 = random.nextInt(30) == 0 ? 30.0 : 42.0;
            readings.add(
                    air("s" + station, "z" + station % 2, t, no2)
                            .setPm10(random.nextInt(40) == 0 ? null : 20.0)
                            .build());
        }
        return readings;
    }

    /**
     * Five traffic detectors whose congestion comes and goes in runs of readings up to a few
     * minutes apart (whole seconds, ties now and then), now and then without a congestion flag or a
     * speed.
     */
    static List<SpecificRecord> congestion(long seed) {
        Random random = new Random(seed);
        Map<String, Boolean> congested = new HashMap<>();
        List<SpecificRecord> readings = new ArrayList<>();
        long t = START;
        for (int i = 0; i < 6_000; i++) {
            t = nextSecond(random, t, 180);
            String id = "t" + random.nextInt(5);
            boolean now = congested.getOrDefault(id, false) ^ (random.nextInt(6) == 0);
            congested.put(id, now);
            readings.add(
                    TrafficFlowObserved.newBuilder()
                            .setId(id)
                            .setZone("z" + random.nextInt(2))
                            .setDateObserved(Instant.ofEpochMilli(t))
                            .setLocation(new GeoPoint(41.15, -8.61))
                            .setCongested(random.nextInt(20) == 0 ? null : now)
                            .setAverageVehicleSpeed(
                                    random.nextInt(20) == 0
                                            ? null
                                            : (double) (now ? 5 : 40) + random.nextInt(10))
                            .build());
        }
        return readings;
    }

    /**
     * Four docking stations of 12 docks whose bikes come and go one or two at a time, so that they
     * empty and fill now and then, in readings up to a few minutes apart (whole seconds, ties now
     * and then), now and then without one of the counts.
     */
    static List<SpecificRecord> bikeStations(long seed) {
        Random random = new Random(seed);
        Map<String, Integer> bikes = new HashMap<>();
        List<SpecificRecord> readings = new ArrayList<>();
        long t = START;
        for (int i = 0; i < 6_000; i++) {
            t = nextSecond(random, t, 180);
            String id = "b" + random.nextInt(4);
            int docked =
                    Math.max(0, Math.min(12, bikes.getOrDefault(id, 6) + random.nextInt(5) - 2));
            bikes.put(id, docked);
            int missing = random.nextInt(30);
            readings.add(
                    BikeHireDockingStation.newBuilder()
                            .setId(id)
                            .setZone("z" + random.nextInt(2))
                            .setDateObserved(Instant.ofEpochMilli(t))
                            .setLocation(new GeoPoint(41.15, -8.61))
                            .setAvailableBikeNumber(missing == 0 ? null : docked)
                            .setFreeSlotNumber(missing == 1 ? null : 12 - docked)
                            .build());
        }
        return readings;
    }
}
