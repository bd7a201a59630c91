package io.invicta.jobs.weather;

import io.invicta.jobs.common.ZoneResolver;
import io.invicta.domain.WindDirections;
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

    /** Angular distance, so 359.9999 and 0.0001 count as close. */
    private static double offBy(double degrees, double expected) {
        double d = Math.abs(degrees - expected) % 360;
        return Math.min(d, 360 - d);
    }

    private static WeatherAccumulator directions(double... degrees) {
        WeatherAggregate aggregate = new WeatherAggregate();
        WeatherAccumulator acc = aggregate.createAccumulator();
        for (double d : degrees) {
            aggregate.add(new WeatherReading("w1", "Foz", ToWeatherReadings.WIND_DIRECTION, 0, d), acc);
        }
        return acc;
    }

    @Test
    void threeHundredFiftyAndTenAverageToNorthNotSouth() {
        double mean = directions(350, 10).meanDirection();
        assertThat(offBy(mean, 0)).isLessThan(1e-9);
        assertThat(mean).isGreaterThanOrEqualTo(0).isLessThan(360);
    }

    @Test
    void directionsAroundNorthAverageToTheirMiddle() {
        assertThat(directions(355, 5, 15).meanDirection()).isCloseTo(5, within(1e-9));
        assertThat(directions(0, 90).meanDirection()).isCloseTo(45, within(1e-9));
        assertThat(directions(270, 180).meanDirection()).isCloseTo(225, within(1e-9));
    }

    @Test
    void oppositeDirectionsHaveNoMeanAndAZeroResultant() {
        WeatherAccumulator acc = directions(90, 270);
        assertThat(acc.meanDirection()).isNaN();
        assertThat(acc.resultantLength()).isLessThan(WindDirections.MIN_RESULTANT_LENGTH);
        assertThat(acc.count).isEqualTo(2);
    }

    @Test
    void theResultantLengthIsOneWhenAllDirectionsAgree() {
        assertThat(directions(200, 200, 200).resultantLength()).isCloseTo(1, within(1e-12));
        assertThat(directions(0, 90).resultantLength()).isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void mergedAccumulatorsAverageLikeOne() {
        WeatherAccumulator a = directions(350);
        a.merge(directions(10));
        assertThat(offBy(a.meanDirection(), 0)).isLessThan(1e-9);
        assertThat(a.count).isEqualTo(2);
    }

    @Test
    void directionIsAReadingButNotInACalm() {
        WeatherObserved windy = WeatherObserved.newBuilder().setId("w1").setDateObserved(Instant.EPOCH)
                .setLocation(new GeoPoint(41.16, -8.68)).setZone("Foz").setWindSpeed(3.0).setWindDirection(350.0)
                .build();
        WeatherObserved calm = WeatherObserved.newBuilder(windy).setWindSpeed(0.0).build();
        List<WeatherReading> out = new ArrayList<>();
        ToWeatherReadings split = new ToWeatherReadings(ZoneResolver.geohash(6));
        split.flatMap(windy, new ListCollector<>(out));
        assertThat(out).extracting(r -> r.variable).containsExactly("windSpeed", "windDirection");
        out.clear();
        split.flatMap(calm, new ListCollector<>(out));
        assertThat(out).extracting(r -> r.variable).containsExactly("windSpeed");
    }

    @Test
    void theDirectionPointHasTheVectorMeanAndResultantButNoMinOrMax() {
        WeatherStats stats = new WeatherStats();
        stats.sensorId = "w1";
        stats.zone = "Foz";
        stats.variable = ToWeatherReadings.WIND_DIRECTION;
        stats.resolution = "1m";
        stats.count = 2;
        stats.mean = 5.0;
        stats.resultantLength = 0.9;
        InfluxPoint point = point(stats);
        assertThat(point.measurement()).isEqualTo("weather_1m");
        assertThat(point.tag("variable")).isEqualTo("windDirection");
        assertThat(point.field("mean")).isEqualTo(5.0);
        assertThat(point.field("resultant_length")).isEqualTo(0.9);
        assertThat(point.field("count")).isEqualTo(2L);
        assertThat(point.fieldCount()).as("count, mean, resultant_length: no min, max or total").isEqualTo(3);

        stats.mean = Double.NaN;
        stats.resultantLength = 0.0;
        assertThat(point(stats).field("mean")).as("no direction when they cancel out").isNull();
    }

    private static InfluxPoint point(WeatherStats stats) {
        List<InfluxPoint> points = new ArrayList<>();
        new WeatherPoints().convert(stats, points::add);
        assertThat(points).hasSize(1);
        return points.get(0);
    }
}
