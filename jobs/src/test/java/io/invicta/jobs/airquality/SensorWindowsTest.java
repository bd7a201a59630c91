package io.invicta.jobs.airquality;

import io.invicta.jobs.windows.Measures;
import io.invicta.jobs.windows.SensorWindows;
import io.invicta.jobs.windows.WindowStats;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SensorWindowsTest {

    static final long T = Instant.parse("2024-05-01T08:00:00Z").toEpochMilli();
    static final long MIN = 60_000L;
    static final long HOUR = 3_600_000L;
    static final long LATENESS = Duration.ofMinutes(10).toMillis();

    private KeyedOneInputStreamOperatorTestHarness<String, WindowStats, WindowStats> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, WindowStats, WindowStats>
            newHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new SensorWindows(
                                AirQualityJob.families(
                                        Duration.ofMinutes(1),
                                        Duration.ofHours(1),
                                        ZoneId.of("Europe/Lisbon")),
                                Duration.ofMillis(LATENESS))),
                w -> w.sensorId,
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** One pre-aggregated slice (a minute) of a sensor: the values of one pollutant. */
    static WindowStats slice(
            String sensor, String zone, long start, Pollutant pollutant, double... values) {
        Measures stats = new Measures(Pollutant.values().length);
        for (double v : values) {
            stats.add(pollutant.ordinal(), v);
        }
        return new WindowStats(sensor, zone, "slice", start, start + MIN, stats);
    }

    private void process(WindowStats slice) throws Exception {
        harness.processElement(slice, slice.windowEnd - 1);
    }

    private List<PollutantMean> means(String resolution) {
        return harness.extractOutputValues().stream()
                .filter(w -> w.resolution.equals(resolution))
                .flatMap(w -> PollutantMeans.of(w).stream())
                .toList();
    }

    @Test
    void aggregatesEveryPollutantOfASensorWindowAndEmitsItWhenTheWatermarkPassesTheEnd()
            throws Exception {
        process(slice("s1", "z1", T, Pollutant.NO2, 10, 30));
        process(slice("s1", "z1", T, Pollutant.PM10, 5));
        process(slice("s1", "z1", T + MIN, Pollutant.NO2, 100));
        assertThat(harness.extractOutputValues()).as("nothing before the watermark").isEmpty();

        harness.processWatermark(new Watermark(T + MIN - 1));

        assertThat(means("1m"))
                .extracting(
                        m -> m.sensorId,
                        m -> m.zone,
                        m -> m.pollutant,
                        m -> m.windowStart,
                        m -> m.count,
                        m -> m.mean,
                        m -> m.min,
                        m -> m.max)
                .containsExactly(
                        tuple("s1", "z1", Pollutant.NO2, T, 2L, 20.0, 10.0, 30.0),
                        tuple("s1", "z1", Pollutant.PM10, T, 1L, 5.0, 5.0, 5.0));
        assertThat(sideOutput(SensorWindows.ZONE_PARTIALS))
                .singleElement()
                .satisfies(w -> assertThat(PollutantMeans.of(w)).hasSize(2));
    }

    @Test
    void theLongWindowAlsoGivesTheHourlyMeansAndLocalDaysGiveDailyMeansOfEveryPollutant()
            throws Exception {
        process(slice("s1", "z1", T, Pollutant.NO2, 10));
        process(slice("s1", "z1", T + 30 * MIN, Pollutant.NO2, 20));
        process(slice("s1", "z1", T + 30 * MIN, Pollutant.PM10, 40));

        harness.processWatermark(new Watermark(T + 2 * 24 * HOUR));

        assertThat(means("1h"))
                .extracting(m -> m.pollutant, m -> m.count, m -> m.mean)
                .containsExactly(tuple(Pollutant.NO2, 2L, 15.0), tuple(Pollutant.PM10, 1L, 40.0));
        assertThat(means(SensorWindows.HOURLY))
                .extracting(m -> m.pollutant, m -> m.resolution, m -> m.mean)
                .containsExactly(
                        tuple(Pollutant.NO2, "1h", 15.0), tuple(Pollutant.PM10, "1h", 40.0));
        long lisbonDay = Instant.parse("2024-04-30T23:00:00Z").toEpochMilli(); // WEST = UTC+1
        assertThat(means(SensorWindows.DAILY))
                .extracting(m -> m.pollutant, m -> m.windowStart, m -> m.windowEnd)
                .containsExactly(
                        tuple(Pollutant.NO2, lisbonDay, lisbonDay + 24 * HOUR),
                        tuple(Pollutant.PM10, lisbonDay, lisbonDay + 24 * HOUR));
        assertThat(means("day"))
                .as("the local days are among the sensor's means, with their coverage")
                .extracting(m -> m.pollutant, m -> m.count, m -> m.coverage.hours)
                .containsExactly(tuple(Pollutant.NO2, 2L, 1), tuple(Pollutant.PM10, 1L, 1));
        assertThat(sideOutput(SensorWindows.ZONE_PARTIALS))
                .as("a zone's day has no coverage: local days are per sensor")
                .noneMatch(w -> w.resolution.equals("day"));
    }

    @Test
    void aLocalDayOfTheSpringClockChangeHas23HoursAndCountsTheHoursWithReadings() throws Exception {
        long day = Instant.parse("2024-03-31T00:00:00Z").toEpochMilli(); // Lisbon: WET, UTC+0
        long nextDay = Instant.parse("2024-03-31T23:00:00Z").toEpochMilli(); // WEST, UTC+1
        for (int h = 0; h < 23; h++) {
            if (h % 4 != 3) { // 18 of the 23 hours have NO2, two slices each
                process(slice("s1", "z1", day + h * HOUR, Pollutant.NO2, h));
                process(slice("s1", "z1", day + h * HOUR + 20 * MIN, Pollutant.NO2, h + 1));
            }
        }
        process(slice("s1", "z1", day + 22 * HOUR + 59 * MIN, Pollutant.O3, 50)); // last minute
        process(slice("s1", "z1", nextDay, Pollutant.O3, 99)); // the next day's first minute

        harness.processWatermark(new Watermark(nextDay + 24 * HOUR));

        assertThat(means("day"))
                .filteredOn(m -> m.windowStart == day)
                .extracting(
                        m -> m.pollutant,
                        m -> m.windowEnd,
                        m -> m.count,
                        m -> m.min,
                        m -> m.max,
                        m -> m.coverage.hours,
                        m -> m.coverage.dayHours)
                .containsExactly(
                        tuple(Pollutant.NO2, nextDay, 36L, 0.0, 23.0, 18, 23),
                        tuple(Pollutant.O3, nextDay, 1L, 50.0, 50.0, 1, 23));
        assertThat(means("day"))
                .filteredOn(m -> m.windowStart == day && m.pollutant == Pollutant.NO2)
                .singleElement()
                .satisfies(m -> assertThat(m.coverage.coverage()).isEqualTo(18 / 23.0))
                .satisfies(m -> assertThat(m.mean).isEqualTo(expectedNo2Mean()));
        assertThat(means("day"))
                .filteredOn(m -> m.windowStart == nextDay)
                .extracting(m -> m.pollutant, m -> m.count)
                .containsExactly(tuple(Pollutant.O3, 1L));
    }

    /** The mean of h and h + 1 over the 18 hours h with readings. */
    private static double expectedNo2Mean() {
        double sum = 0;
        int n = 0;
        for (int h = 0; h < 23; h++) {
            if (h % 4 != 3) {
                sum += 2 * h + 1;
                n += 2;
            }
        }
        return sum / n;
    }

    @Test
    void openWindowsAndTheirTimersSurviveASnapshotAndRestore() throws Exception {
        process(slice("s1", "z1", T, Pollutant.NO2, 10, 30));
        process(slice("s1", "z2", T + MIN, Pollutant.NO2, 50)); // the hour now holds two zones
        var snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        process(slice("s1", "z2", T + 2 * MIN, Pollutant.NO2, 70));
        harness.processWatermark(new Watermark(T + HOUR - 1));

        assertThat(means("1m"))
                .extracting(m -> m.windowStart, m -> m.count, m -> m.mean)
                .as("fired by restored timers")
                .containsExactly(
                        tuple(T, 2L, 20.0), tuple(T + MIN, 1L, 50.0), tuple(T + 2 * MIN, 1L, 70.0));
        assertThat(means("1h"))
                .extracting(m -> m.zone, m -> m.count, m -> m.mean)
                .containsExactly(tuple("z2", 4L, 40.0));
        assertThat(sideOutput(SensorWindows.ZONE_PARTIALS))
                .filteredOn(w -> w.resolution.equals("1h"))
                .flatExtracting(PollutantMeans::of)
                .extracting(m -> m.zone, m -> m.count)
                .containsExactlyInAnyOrder(tuple("z1", 2L), tuple("z2", 2L));
    }

    @Test
    void aLateSliceWithinTheLatenessReEmitsTheCorrectedWindow() throws Exception {
        process(slice("s1", "z1", T, Pollutant.NO2, 10));
        harness.processWatermark(new Watermark(T + 5 * MIN));
        harness.processElement(slice("s1", "z1", T, Pollutant.NO2, 1000), T + 30_000);

        assertThat(means("1m"))
                .extracting(m -> m.windowStart, m -> m.count, m -> m.mean)
                .containsExactly(tuple(T, 1L, 10.0), tuple(T, 2L, 505.0));
    }

    @Test
    void aLateSliceThatOpensAnOlderWindowDoesNotSplitTheNewerOne() throws Exception {
        process(slice("s1", "z1", T + HOUR, Pollutant.NO2, 10)); // opens 09:00
        process(slice("s1", "z1", T + HOUR - MIN, Pollutant.NO2, 20)); // late: opens 08:00
        process(slice("s1", "z1", T + HOUR + 5 * MIN, Pollutant.NO2, 30)); // back in 09:00

        harness.processWatermark(new Watermark(T + 2 * HOUR - 1));

        assertThat(means("1h"))
                .extracting(m -> m.windowStart, m -> m.count, m -> m.mean)
                .containsExactlyInAnyOrder(tuple(T, 1L, 20.0), tuple(T + HOUR, 2L, 20.0));
    }

    @Test
    void aSliceLaterThanTheLatenessChangesNothing() throws Exception {
        process(slice("s1", "z1", T, Pollutant.NO2, 10));
        harness.processWatermark(new Watermark(T + MIN - 1 + LATENESS));
        int before = harness.extractOutputValues().size();

        harness.processElement(slice("s1", "z1", T, Pollutant.NO2, 1000), T + 30_000);

        assertThat(harness.extractOutputValues()).hasSize(before);
        assertThat(means("1m")).extracting(m -> m.count).containsExactly(1L);
    }

    @Test
    void stateAndTimersAreGoneOnceEveryWindowIsPastItsLateness() throws Exception {
        process(slice("s1", "z1", T, Pollutant.PM10, 10));
        process(slice("s2", "z1", T + 3 * MIN, Pollutant.SO2, 10));
        harness.processWatermark(new Watermark(T + HOUR + LATENESS));
        assertThat(harness.numKeyedStateEntries()).as("the local day is still open").isPositive();

        harness.processWatermark(new Watermark(T + 2 * 24 * HOUR));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aSensorThatChangesZoneWithinAWindowCountsTowardsEachZoneWithItsOwnReadings()
            throws Exception {
        process(slice("s1", "z1", T, Pollutant.NO2, 10, 20));
        process(slice("s1", "z2", T + MIN, Pollutant.NO2, 30));

        harness.processWatermark(new Watermark(T + HOUR - 1));

        assertThat(means("1h"))
                .extracting(m -> m.zone, m -> m.count)
                .as("tagged with the latest zone")
                .containsExactly(tuple("z2", 3L));
        assertThat(sideOutput(SensorWindows.ZONE_PARTIALS))
                .filteredOn(w -> w.resolution.equals("1h"))
                .flatExtracting(PollutantMeans::of)
                .extracting(m -> m.zone, m -> m.count)
                .containsExactlyInAnyOrder(tuple("z1", 2L), tuple("z2", 1L));
    }

    private List<PollutantMean> means(OutputTag<WindowStats> tag) {
        return sideOutput(tag).stream().flatMap(w -> PollutantMeans.of(w).stream()).toList();
    }

    private <X> List<X> sideOutput(OutputTag<X> tag) {
        Queue<StreamRecord<X>> records = harness.getSideOutput(tag);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }
}
