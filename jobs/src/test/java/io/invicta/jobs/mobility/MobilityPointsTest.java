package io.invicta.jobs.mobility;

import io.invicta.sinks.influxdb.InfluxPoint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MobilityPointsTest {

    private static List<InfluxPoint> convert(MobilityPoint p) {
        List<InfluxPoint> out = new ArrayList<>();
        new MobilityPoints().convert(p, out::add);
        return out;
    }

    @Test
    void countsAreIntegersMeansFloatsNaNLeftOutAndTheTimeIsTheWindowStart() {
        MobilityPoint p =
                new MobilityPoint("traffic_1m", 1_714_550_400_000L)
                        .tag("sensor", "tf-1")
                        .tag("lane", "")
                        .tag("zone", "ez3f5x")
                        .field("vehicles", 200L)
                        .field("speed", 32.0)
                        .field("occupancy", Double.NaN);
        assertThat(convert(p))
                .singleElement()
                .satisfies(
                        point -> {
                            assertThat(point.measurement()).isEqualTo("traffic_1m");
                            assertThat(point.time()).isEqualTo(1_714_550_400_000L);
                            assertThat(point.timeUnit()).isEqualTo(TimeUnit.MILLISECONDS);
                            assertThat(point.tag("sensor")).isEqualTo("tf-1");
                            assertThat(point.tag("lane")).isNull();
                            assertThat(point.field("vehicles")).isEqualTo(200L);
                            assertThat(point.field("speed")).isEqualTo(32.0);
                            assertThat(point.field("occupancy")).isNull();
                        });
    }

    @Test
    void aPointWithOnlyNaNFieldsIsNotWritten() {
        assertThat(
                        convert(
                                new MobilityPoint("bike_zone_1m", 0)
                                        .tag("zone", "z")
                                        .field("empty_share", Double.NaN)))
                .isEmpty();
    }
}
