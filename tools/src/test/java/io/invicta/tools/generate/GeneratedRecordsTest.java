package io.invicta.tools.generate;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.WeatherObserved;

import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A clean stream (no anomalies): decoding, keys, locations, units and ranges, ordering, vehicle
 * kinematics.
 */
class GeneratedRecordsTest {

    private static final List<TestStreams.Rec> RECORDS = new ArrayList<>();
    private static final List<SpecificRecordBase> DECODED = new ArrayList<>();

    @BeforeAll
    static void generate() {
        GeneratorConfig c =
                TestStreams.config(300, 40, "2026-11-24T00:00:00Z", Duration.ofHours(6));
        RECORDS.addAll(TestStreams.run(c).records());
        TestStreams.Decoder decoder = new TestStreams.Decoder();
        for (TestStreams.Rec r : RECORDS) {
            DECODED.add(decoder.decode(r));
        }
    }

    @Test
    void everyTopicGetsRecordsAndEveryValueDecodesAsTheTypeOfItsTopic() {
        Map<EventType, Integer> perType = new EnumMap<>(EventType.class);
        for (int k = 0; k < RECORDS.size(); k++) {
            EventType type = RECORDS.get(k).type();
            SpecificRecordBase record = DECODED.get(k);
            assertThat(record).as("record %d on %s", k, type.topic()).isNotNull();
            Class<?> expected =
                    switch (type) {
                        case AIR_QUALITY -> AirQualityObserved.class;
                        case NOISE -> NoiseLevelObserved.class;
                        case WEATHER -> WeatherObserved.class;
                        case TRAFFIC_FLOW -> TrafficFlowObserved.class;
                        case PARKING -> OnStreetParking.class;
                        case BIKE_STATIONS -> BikeHireDockingStation.class;
                        case VEHICLE_POSITIONS -> VehiclePosition.class;
                    };
            assertThat(record).isInstanceOf(expected);
            perType.merge(type, 1, Integer::sum);
        }
        assertThat(perType).containsOnlyKeys(EventType.ALL);
    }

    @Test
    void keysAreEntityIdsAndVehicleIdsAndIdsAreStableAndWellFormed() {
        for (int k = 0; k < RECORDS.size(); k++) {
            TestStreams.Rec rec = RECORDS.get(k);
            SpecificRecordBase record = DECODED.get(k);
            String key = rec.keyString();
            if (record instanceof VehiclePosition v) {
                assertThat(key).isEqualTo(v.getVehicleId()).matches("porto-(taxi|bus)-\\d{4}");
                assertThat(v.getVehicleType()).isEqualTo(key.contains("bus") ? "bus" : "taxi");
            } else {
                assertThat(key)
                        .isEqualTo(TestStreams.id(record))
                        .matches("porto-(aq|noise|weather|traffic|parking|bikes)-\\d{5}");
            }
        }
    }

    @Test
    void stationarySensorsKeepOneLocationAndZoneAndEverythingIsInsidePorto() {
        Map<String, GeoPoint> where = new HashMap<>();
        for (SpecificRecordBase record : DECODED) {
            GeoPoint p = (GeoPoint) record.get("location");
            assertThat(PortoZones.inside(p.getLat(), p.getLon()))
                    .as("%s at %s", TestStreams.id(record), p)
                    .isTrue();
            assertThat(record.get("zone"))
                    .hasToString(PortoZones.NAMES[PortoZones.zoneOf(p.getLat(), p.getLon())]);
            if (!(record instanceof VehiclePosition)) {
                GeoPoint first = where.putIfAbsent(TestStreams.id(record), p);
                assertThat(first == null || first.equals(p)).isTrue();
            }
        }
    }

    @Test
    void valuesHaveTheUnitsAndRangesOfTheSchemas() {
        for (SpecificRecordBase record : DECODED) {
            if (record instanceof AirQualityObserved a) {
                assertThat(a.getNo2()).isBetween(0.0, 400.0);
                assertThat(a.getPm10()).isBetween(0.0, 200.0);
                assertThat(a.getPm25()).isBetween(0.0, a.getPm10());
                assertThat(a.getO3()).isBetween(0.0, 250.0);
                assertThat(a.getCo()).isBetween(0.0, 10.0);
                assertThat(a.getNox()).isGreaterThanOrEqualTo(a.getNo2());
            } else if (record instanceof NoiseLevelObserved n) {
                assertThat(n.getLAeq()).isBetween(40.0, 90.0);
                assertThat(n.getLAmax()).isGreaterThan(n.getLAeq());
                assertThat(Duration.between(n.getDateObservedFrom(), n.getDateObserved()))
                        .isEqualTo(Duration.ofMinutes(1));
            } else if (record instanceof WeatherObserved w) {
                assertThat(w.getRelativeHumidity()).isBetween(0.0, 1.0);
                assertThat(w.getAtmosphericPressure()).isBetween(990.0, 1040.0);
                assertThat(w.getTemperature()).isBetween(-5.0, 40.0);
                assertThat(w.getWindSpeed()).isBetween(0.0, 20.0);
                assertThat(w.getWindDirection()).isBetween(0.0, 360.0);
                assertThat(w.getPrecipitation()).isGreaterThanOrEqualTo(0.0);
            } else if (record instanceof TrafficFlowObserved t) {
                assertThat(t.getOccupancy()).isBetween(0.0, 1.0);
                assertThat(t.getIntensity()).isBetween(0, 200);
                assertThat(t.getAverageVehicleSpeed()).isBetween(3.0, 90.0);
                assertThat(t.getLaneId()).isBetween(1, 3);
            } else if (record instanceof OnStreetParking p) {
                assertThat(p.getAvailableSpotNumber()).isBetween(0, p.getTotalSpotNumber());
                assertThat(p.getTotalSpotNumber()).isPositive();
            } else if (record instanceof BikeHireDockingStation b) {
                assertThat(b.getAvailableBikeNumber() + b.getFreeSlotNumber())
                        .isEqualTo(b.getTotalSlotNumber());
                assertThat(b.getAvailableBikeNumber()).isNotNegative();
                assertThat(b.getFreeSlotNumber()).isNotNegative();
            } else if (record instanceof VehiclePosition v) {
                assertThat(v.getSpeed()).isBetween(0.0, 50.0);
                assertThat(v.getHeading()).isGreaterThanOrEqualTo(0.0).isLessThan(360.0);
            } else {
                throw new AssertionError("unexpected " + record.getClass());
            }
        }
    }

    @Test
    void recordsLeaveInEventTimeOrderAndEachEntityReportsOncePerInterval() {
        long previous = Long.MIN_VALUE;
        Map<String, Long> lastById = new HashMap<>();
        Set<Long> gaps = new HashSet<>();
        for (int k = 0; k < DECODED.size(); k++) {
            long t = TestStreams.time(DECODED.get(k));
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
            Long last = lastById.put(RECORDS.get(k).keyString(), t);
            if (last != null) {
                gaps.add((t - last) / 1000);
            }
        }
        assertThat(gaps).containsExactlyInAnyOrder(60L, 300L, 120L, 15L);
    }

    @Test
    void vehiclesMoveAtTheirReportedSpeedAndHeadingBetweenFixes() {
        Map<String, VehiclePosition> last = new HashMap<>();
        int checked = 0;
        int stopped = 0;
        for (SpecificRecordBase record : DECODED) {
            if (!(record instanceof VehiclePosition v)) {
                continue;
            }
            VehiclePosition p = last.put(v.getVehicleId(), v);
            if (v.getSpeed() == 0) {
                stopped++;
            }
            // Two fixes on the same leg: same non-zero speed and heading.
            if (p != null
                    && p.getSpeed() > 0
                    && p.getSpeed().equals(v.getSpeed())
                    && p.getHeading().equals(v.getHeading())) {
                double metres =
                        VehicleRoutes.distanceM(
                                p.getLocation().getLat(),
                                p.getLocation().getLon(),
                                v.getLocation().getLat(),
                                v.getLocation().getLon());
                double seconds =
                        (v.getDateObserved().toEpochMilli() - p.getDateObserved().toEpochMilli())
                                / 1000.0;
                assertThat(metres / seconds * 3.6)
                        .as("implied speed of %s", v.getVehicleId())
                        .isCloseTo(v.getSpeed(), within(0.5));
                double bearing =
                        VehicleRoutes.bearing(
                                p.getLocation().getLat(),
                                p.getLocation().getLon(),
                                v.getLocation().getLat(),
                                v.getLocation().getLon());
                double diff = Math.abs(bearing - v.getHeading());
                assertThat(Math.min(diff, 360 - diff))
                        .as("heading of %s", v.getVehicleId())
                        .isLessThan(1.0);
                assertThat(v.getSpeed()).isBetween(15.0, 50.0);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(stopped).as("fixes at stops / pick-ups").isPositive();
    }
}
