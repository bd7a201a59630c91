package io.invicta.tools.generate;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.WeatherObserved;

import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily cycle, in Europe/Lisbon local time, on a weekday (Wednesday 2026-11-25, Lisbon = UTC+0
 * then).
 */
class DiurnalShapeTest {

    private static final List<SpecificRecordBase> DAY = new ArrayList<>();

    @BeforeAll
    static void generateOneWeekday() {
        GeneratorConfig c = TestStreams.config(10, 0, "2026-11-25T00:00:00Z", Duration.ofHours(24));
        c.counts.put(EventType.TRAFFIC_FLOW, 60);
        c.counts.put(EventType.NOISE, 30);
        c.counts.put(EventType.AIR_QUALITY, 20);
        c.counts.put(EventType.PARKING, 60);
        c.counts.put(EventType.BIKE_STATIONS, 60);
        c.counts.put(EventType.WEATHER, 3);
        TestStreams.Decoder decoder = new TestStreams.Decoder();
        TestStreams.run(c).records().forEach(r -> DAY.add(decoder.decode(r)));
    }

    /**
     * Mean of a value over the records of one local hour (local = UTC in November) passing the
     * filter.
     */
    private static <T extends SpecificRecordBase> double mean(
            List<SpecificRecordBase> records,
            Class<T> type,
            int hour,
            Predicate<T> filter,
            ToDoubleFunction<T> value) {
        return records.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(
                        r ->
                                ((Instant) r.get("dateObserved")).atZone(CityModel.LISBON).getHour()
                                        == hour)
                .filter(filter)
                .mapToDouble(value)
                .average()
                .orElseThrow();
    }

    private static <T extends SpecificRecordBase> double mean(
            Class<T> type, int hour, ToDoubleFunction<T> value) {
        return mean(DAY, type, hour, r -> true, value);
    }

    @Test
    void trafficIsHeavierAndSlowerAtBothRushHoursThanAtNightOrMidday() {
        ToDoubleFunction<TrafficFlowObserved> intensity = TrafficFlowObserved::getIntensity;
        assertThat(mean(TrafficFlowObserved.class, 8, intensity))
                .isGreaterThan(3 * mean(TrafficFlowObserved.class, 3, intensity));
        assertThat(mean(TrafficFlowObserved.class, 8, intensity))
                .isGreaterThan(mean(TrafficFlowObserved.class, 11, intensity));
        assertThat(mean(TrafficFlowObserved.class, 18, intensity))
                .isGreaterThan(mean(TrafficFlowObserved.class, 14, intensity));
        assertThat(mean(TrafficFlowObserved.class, 8, TrafficFlowObserved::getOccupancy))
                .isGreaterThan(
                        mean(TrafficFlowObserved.class, 3, TrafficFlowObserved::getOccupancy));
        assertThat(mean(TrafficFlowObserved.class, 8, TrafficFlowObserved::getAverageVehicleSpeed))
                .isLessThan(
                        mean(
                                TrafficFlowObserved.class,
                                3,
                                TrafficFlowObserved::getAverageVehicleSpeed));
    }

    @Test
    void noiseGoesFromAboutFiftyFiveDecibelsAtNightToAboutSeventyAtRushHour() {
        double night = mean(NoiseLevelObserved.class, 3, NoiseLevelObserved::getLAeq);
        double rush = mean(NoiseLevelObserved.class, 8, NoiseLevelObserved::getLAeq);
        assertThat(rush).isGreaterThan(night + 8);
        assertThat(night).isBetween(50.0, 60.0);
        assertThat(rush).isBetween(64.0, 74.0);
    }

    @Test
    void nitrogenDioxideFollowsTrafficAndOzoneFollowsDaylight() {
        assertThat(mean(AirQualityObserved.class, 8, AirQualityObserved::getNo2))
                .isGreaterThan(1.5 * mean(AirQualityObserved.class, 3, AirQualityObserved::getNo2));
        assertThat(mean(AirQualityObserved.class, 13, AirQualityObserved::getO3))
                .isGreaterThan(mean(AirQualityObserved.class, 3, AirQualityObserved::getO3) + 20);
    }

    @Test
    void centreParkingFillsInTheDayAndResidentialBikeDocksEmptyInTheMorning() {
        Predicate<OnStreetParking> centre =
                p -> PortoZones.kind(PortoZones.indexOf(p.getZone())) == PortoZones.Kind.CENTRE;
        ToDoubleFunction<OnStreetParking> occupied =
                p -> 1 - p.getAvailableSpotNumber() / (double) p.getTotalSpotNumber();
        assertThat(mean(DAY, OnStreetParking.class, 11, centre, occupied))
                .isGreaterThan(mean(DAY, OnStreetParking.class, 3, centre, occupied) + 0.3);
        Predicate<BikeHireDockingStation> residential =
                b -> PortoZones.kind(PortoZones.indexOf(b.getZone())) != PortoZones.Kind.CENTRE;
        ToDoubleFunction<BikeHireDockingStation> fill =
                b -> b.getAvailableBikeNumber() / (double) b.getTotalSlotNumber();
        assertThat(mean(DAY, BikeHireDockingStation.class, 10, residential, fill))
                .isLessThan(mean(DAY, BikeHireDockingStation.class, 5, residential, fill) - 0.3);
    }

    @Test
    void afternoonIsWarmerThanDawn() {
        assertThat(mean(WeatherObserved.class, 15, WeatherObserved::getTemperature))
                .isGreaterThan(mean(WeatherObserved.class, 5, WeatherObserved::getTemperature) + 3);
    }

    @Test
    void rushHourFollowsLisbonSummerTime() {
        // 2026-07-15 is a Wednesday; Lisbon is UTC+1, so the 08:00 local rush is the 07:00 UTC
        // hour.
        GeneratorConfig c = TestStreams.config(10, 0, "2026-07-15T03:00:00Z", Duration.ofHours(8));
        c.counts.replaceAll((t, n) -> 0);
        c.counts.put(EventType.TRAFFIC_FLOW, 60);
        TestStreams.Decoder decoder = new TestStreams.Decoder();
        double[] perUtcHour = new double[24];
        int[] n = new int[24];
        for (TestStreams.Rec r : TestStreams.run(c).records()) {
            TrafficFlowObserved t = (TrafficFlowObserved) decoder.decode(r);
            int hour = t.getDateObserved().atZone(ZoneOffset.UTC).getHour();
            perUtcHour[hour] += t.getIntensity();
            n[hour]++;
        }
        int busiest = 3;
        for (int h = 3; h < 11; h++) {
            if (perUtcHour[h] / n[h] > perUtcHour[busiest] / n[busiest]) {
                busiest = h;
            }
        }
        assertThat(busiest).isEqualTo(7);
    }
}
