package io.invicta.jobs.airquality;

import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.windows.DayCoverage;
import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.LineProtocol;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PollutantMeanPointsTest {

    private static String line(PollutantMean mean) {
        List<InfluxPoint> points = new ArrayList<>();
        new PollutantMeanPoints().convert(mean, points::add);
        assertThat(points).hasSize(1);
        return LineProtocol.encode(points.get(0), TimeUnit.MILLISECONDS);
    }

    @Test
    void sensorPointIsIdentifiedBySensorZonePollutantAndWindowStart() {
        assertThat(
                        line(
                                new PollutantMean(
                                        "porto-aq-001",
                                        "ez3fh4",
                                        "1m",
                                        Pollutant.PM25,
                                        1_700_000_040_000L,
                                        6,
                                        12.25,
                                        10.0,
                                        15.5)))
                .isEqualTo(
                        "air_quality_1m,pollutant=pm25,sensor=porto-aq-001,zone=ez3fh4 "
                                + "count=6i,max=15.5,mean=12.25,min=10.0 1700000040000");
    }

    @Test
    void aLocalDayPointCarriesItsHoursWithReadingsTheDaysLengthAndTheCoverage() {
        PollutantMean day =
                new PollutantMean(
                        "porto-aq-001",
                        "ez3fh4",
                        "day",
                        Pollutant.PM10,
                        1_711_843_200_000L,
                        18,
                        41.5,
                        20.0,
                        60.0);
        day.coverage = new DayCoverage(18, 24);
        assertThat(line(day))
                .isEqualTo(
                        "air_quality_day,pollutant=pm10,sensor=porto-aq-001,zone=ez3fh4 "
                                + "count=18i,max=60.0,mean=41.5,min=20.0,hours=18i,day_hours=24i,"
                                + "coverage=0.75 1711843200000");
    }

    @Test
    void zonePointHasNoSensorTagAndItsOwnMeasurementPerResolution() {
        assertThat(
                        line(
                                new PollutantMean(
                                        null,
                                        "Cedofeita",
                                        "1h",
                                        Pollutant.NO2,
                                        1_700_000_000_000L,
                                        120,
                                        31.5,
                                        12.0,
                                        77.0)))
                .isEqualTo(
                        "air_quality_zone_1h,pollutant=no2,zone=Cedofeita "
                                + "count=120i,max=77.0,mean=31.5,min=12.0 1700000000000");
    }

    @Test
    void sensorIdsWithSpecialCharactersStayOneTag() {
        assertThat(line(new PollutantMean("a,b=c d", "z", "1m", Pollutant.NO2, 0L, 1, 1, 1, 1)))
                .startsWith("air_quality_1m,pollutant=no2,sensor=a\\,b\\=c\\ d,zone=z ");
    }

    @Test
    void windowLengthsBecomeShortResolutionLabels() {
        assertThat(MetricsOptions.resolution(Duration.ofMinutes(1))).isEqualTo("1m");
        assertThat(MetricsOptions.resolution(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(MetricsOptions.resolution(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(MetricsOptions.resolution(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(MetricsOptions.resolution(Duration.ofDays(1))).isEqualTo("1d");
    }
}
