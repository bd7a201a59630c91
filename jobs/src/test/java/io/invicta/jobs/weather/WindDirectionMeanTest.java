package io.invicta.jobs.weather;

import io.invicta.domain.WindDirections;
import io.invicta.jobs.windows.Measures;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.WeatherObserved;
import io.invicta.sinks.influxdb.InfluxPoint;

import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WindDirectionMeanTest {

    private static final WeatherMeasurer MEASURER = new WeatherMeasurer();

    private static final WeatherObserved WINDY =
            WeatherObserved.newBuilder()
                    .setId("w1")
                    .setDateObserved(Instant.EPOCH)
                    .setLocation(new GeoPoint(41.16, -8.68))
                    .setZone("Foz")
                    .setWindSpeed(3.0)
                    .setWindDirection(350.0)
                    .build();

    /** Angular distance, so 359.9999 and 0.0001 count as close. */
    private static double offBy(double degrees, double expected) {
        double d = Math.abs(degrees - expected) % 360;
        return Math.min(d, 360 - d);
    }

    private static Measures measures(WeatherObserved... observations) {
        Measures m = new Measures(MEASURER.variables());
        for (WeatherObserved o : observations) {
            MEASURER.addTo(o, m);
        }
        return m;
    }

    /** The statistics a window of these observations gives, one per variable. */
    private static List<WeatherStats> stats(Measures m) {
        List<WeatherStats> out = new ArrayList<>();
        MEASURER.flatMap(
                new WindowStats("w1", "Foz", "1m", 0, 60_000, m), new ListCollector<>(out));
        return out;
    }

    private static WeatherStats direction(Measures m) {
        return stats(m).stream()
                .filter(s -> s.variable.equals(WeatherMeasurer.WIND_DIRECTION))
                .findFirst()
                .orElseThrow();
    }

    private static Measures directions(double... degrees) {
        WeatherObserved[] observations = new WeatherObserved[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            observations[i] =
                    WeatherObserved.newBuilder(WINDY).setWindDirection(degrees[i]).build();
        }
        return measures(observations);
    }

    @Test
    void threeHundredFiftyAndTenAverageToNorthNotSouth() {
        double mean = direction(directions(350, 10)).mean;
        assertThat(offBy(mean, 0)).isLessThan(1e-9);
        assertThat(mean).isGreaterThanOrEqualTo(0).isLessThan(360);
    }

    @Test
    void directionsAroundNorthAverageToTheirMiddle() {
        assertThat(direction(directions(355, 5, 15)).mean).isCloseTo(5, within(1e-9));
        assertThat(direction(directions(0, 90)).mean).isCloseTo(45, within(1e-9));
        assertThat(direction(directions(270, 180)).mean).isCloseTo(225, within(1e-9));
    }

    @Test
    void oppositeDirectionsHaveNoMeanAndAZeroResultant() {
        WeatherStats s = direction(directions(90, 270));
        assertThat(s.mean).isNaN();
        assertThat(s.resultantLength).isLessThan(WindDirections.MIN_RESULTANT_LENGTH);
        assertThat(s.count).isEqualTo(2);
    }

    @Test
    void theResultantLengthIsOneWhenAllDirectionsAgree() {
        assertThat(direction(directions(200, 200, 200)).resultantLength)
                .isCloseTo(1, within(1e-12));
        assertThat(direction(directions(0, 90)).resultantLength)
                .isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void mergedWindowsAverageLikeOne() {
        Measures a = directions(350);
        a.merge(directions(10), -1);
        WeatherStats s = direction(a);
        assertThat(offBy(s.mean, 0)).isLessThan(1e-9);
        assertThat(s.count).isEqualTo(2);
    }

    @Test
    void directionIsAVariableButNotInACalm() {
        WeatherObserved calm = WeatherObserved.newBuilder(WINDY).setWindSpeed(0.0).build();
        assertThat(stats(measures(WINDY)))
                .extracting(s -> s.variable)
                .containsExactly("windSpeed", "windDirection");
        assertThat(stats(measures(calm))).extracting(s -> s.variable).containsExactly("windSpeed");
    }

    @Test
    void scalarVariablesHaveCountMeanMinMaxAndAnObservationWithoutValuesAddsNothing() {
        WeatherObserved cold =
                WeatherObserved.newBuilder(WINDY)
                        .setTemperature(10.0)
                        .setPrecipitation(0.5)
                        .build();
        WeatherObserved warm =
                WeatherObserved.newBuilder(WINDY)
                        .setTemperature(20.0)
                        .setPrecipitation(1.5)
                        .build();
        List<WeatherStats> out = stats(measures(cold, warm));

        assertThat(out)
                .filteredOn(s -> s.variable.equals("temperature"))
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.count).isEqualTo(2);
                            assertThat(s.mean).isEqualTo(15.0);
                            assertThat(s.min).isEqualTo(10.0);
                            assertThat(s.max).isEqualTo(20.0);
                            assertThat(s.resultantLength).isNaN();
                        });
        assertThat(out)
                .filteredOn(s -> s.variable.equals("precipitation"))
                .singleElement()
                .satisfies(s -> assertThat(s.sum).isEqualTo(2.0));
        WeatherObserved empty =
                WeatherObserved.newBuilder(WINDY).setWindSpeed(null).setWindDirection(null).build();
        Measures m = new Measures(MEASURER.variables());
        assertThat(MEASURER.addTo(empty, m)).isFalse();
        assertThat(m.reported()).isZero();
    }

    @Test
    void theDirectionPointHasTheVectorMeanAndResultantButNoMinOrMax() {
        WeatherStats stats = direction(directions(0, 10));
        InfluxPoint point = point(stats);
        assertThat(point.measurement()).isEqualTo("weather_1m");
        assertThat(point.tag("variable")).isEqualTo("windDirection");
        assertThat((Double) point.field("mean")).isCloseTo(5.0, within(1e-9));
        assertThat((Double) point.field("resultant_length"))
                .isCloseTo(stats.resultantLength, within(1e-12));
        assertThat(point.field("count")).isEqualTo(2L);
        assertThat(point.fieldCount())
                .as("count, mean, resultant_length: no min, max or total")
                .isEqualTo(3);

        assertThat(point(direction(directions(90, 270))).field("mean"))
                .as("no direction when they cancel out")
                .isNull();
    }

    private static InfluxPoint point(WeatherStats stats) {
        List<InfluxPoint> points = new ArrayList<>();
        new WeatherPoints().convert(stats, points::add);
        assertThat(points).hasSize(1);
        return points.get(0);
    }
}
