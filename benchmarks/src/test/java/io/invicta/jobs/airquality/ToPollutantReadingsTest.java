package io.invicta.jobs.airquality;

import io.invicta.domain.Geo;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;

import org.apache.flink.util.Collector;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ToPollutantReadingsTest {

    private static final Instant T = Instant.parse("2023-01-01T10:00:00Z");

    @Test
    void emitsOneReadingPerReportedPollutantOnly() {
        AirQualityObserved observation =
                AirQualityObserved.newBuilder()
                        .setId("s1")
                        .setDateObserved(T)
                        .setLocation(new GeoPoint(41.15, -8.61))
                        .setZone(null)
                        .setNo2(40.0)
                        .setPm10(22.5)
                        .setCo(0.4)
                        .build();

        List<PollutantReading> readings = split(observation);

        assertThat(readings)
                .extracting(r -> r.pollutant, r -> r.value)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(Pollutant.NO2, 40.0),
                        Tuple.tuple(Pollutant.PM10, 22.5),
                        Tuple.tuple(Pollutant.CO, 0.4));
        assertThat(readings)
                .allSatisfy(
                        r -> {
                            assertThat(r.sensorId).isEqualTo("s1");
                            assertThat(r.zone)
                                    .as("geohash of the location when the observation has no zone")
                                    .isEqualTo(Geo.geohash(41.15, -8.61, 6));
                            assertThat(r.timestamp).isEqualTo(T.toEpochMilli());
                        });
    }

    @Test
    void anObservationsOwnZoneWins() {
        AirQualityObserved observation =
                AirQualityObserved.newBuilder()
                        .setId("s1")
                        .setDateObserved(T)
                        .setLocation(new GeoPoint(41.15, -8.61))
                        .setZone("Bonfim")
                        .setNo2(40.0)
                        .build();

        assertThat(split(observation)).extracting(r -> r.zone).containsExactly("Bonfim");
    }

    @Test
    void notANumberIsNoMeasurement() {
        AirQualityObserved observation =
                AirQualityObserved.newBuilder()
                        .setId("s1")
                        .setDateObserved(T)
                        .setLocation(new GeoPoint(41.15, -8.61))
                        .setZone(null)
                        .setNo2(Double.NaN)
                        .setO3(80.0)
                        .build();

        assertThat(split(observation)).extracting(r -> r.pollutant).containsExactly(Pollutant.O3);
    }

    private static List<PollutantReading> split(AirQualityObserved observation) {
        List<PollutantReading> out = new ArrayList<>();
        new ToPollutantReadings(ZoneResolver.geohash(6))
                .flatMap(
                        observation,
                        new Collector<>() {
                            @Override
                            public void collect(PollutantReading record) {
                                out.add(record);
                            }

                            @Override
                            public void close() {}
                        });
        return out;
    }
}
