package io.invicta.jobs.windows;

import io.invicta.jobs.noise.NoiseMeasurer;
import io.invicta.jobs.noise.NoisePoints;
import io.invicta.jobs.weather.WeatherMeasurer;
import io.invicta.jobs.weather.WeatherPoints;
import io.invicta.jobs.weather.WeatherStats;
import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.LineProtocol;

import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The noise and weather local days in the catalogue: their measurements and coverage fields. */
class DailyPointsTest {

    /** The autumn clock change in Lisbon: a local day of 25 hours. */
    private static final long DAY = Instant.parse("2024-10-26T23:00:00Z").toEpochMilli();

    private static final long DAY_END = Instant.parse("2024-10-28T00:00:00Z").toEpochMilli();

    private static WindowStats day(Measures stats, int[] hours) {
        WindowStats w = new WindowStats("s1", "z1", WindowFamily.LOCAL_DAY, DAY, DAY_END, stats);
        w.hours = hours;
        return w;
    }

    private static String line(InfluxPoint point) {
        return LineProtocol.encode(point, TimeUnit.MILLISECONDS);
    }

    @Test
    void aNoiseDayIsItsEnergeticLevelWithTheHoursThatHadReadings() {
        Measures m = new Measures(new NoiseMeasurer().variables());
        m.add(0, 1e6); // energy of 60 dB(A) over one second
        m.add(1, 1.0);
        int[] hours = new int[m.size()];
        hours[0] = 0b1011; // hours 0, 1 and 3
        List<InfluxPoint> points = new ArrayList<>();
        new NoisePoints.Levels().convert(NoiseMeasurer.level(day(m, hours)), points::add);

        assertThat(points)
                .singleElement()
                .extracting(DailyPointsTest::line)
                .isEqualTo(
                        "noise_day,sensor=s1,zone=z1 laeq=60.0,count=1i,hours=3i,day_hours=25i,"
                                + "coverage=0.12 "
                                + DAY);
    }

    @Test
    void aWeatherDayHasItsStatisticsPerVariableWithEachVariablesCoverage() {
        Measures m = new Measures(new WeatherMeasurer().variables());
        m.add(0, 12.0);
        m.add(0, 18.0);
        m.add(4, 0.5);
        int[] hours = new int[m.size()];
        hours[0] = 0b11;
        hours[4] = 0b1;
        List<WeatherStats> stats = new ArrayList<>();
        new WeatherMeasurer()
                .flatMap(
                        day(m, hours),
                        new Collector<>() {
                            @Override
                            public void collect(WeatherStats s) {
                                stats.add(s);
                            }

                            @Override
                            public void close() {}
                        });
        List<String> lines = new ArrayList<>();
        stats.forEach(s -> new WeatherPoints().convert(s, p -> lines.add(line(p))));

        assertThat(lines)
                .containsExactly(
                        "weather_day,sensor=s1,variable=temperature,zone=z1 count=2i,mean=15.0,"
                                + "min=12.0,max=18.0,hours=2i,day_hours=25i,coverage=0.08 "
                                + DAY,
                        "weather_day,sensor=s1,variable=precipitation,zone=z1 count=1i,mean=0.5,"
                                + "min=0.5,max=0.5,total=0.5,hours=1i,day_hours=25i,"
                                + "coverage=0.04 "
                                + DAY);
    }
}
