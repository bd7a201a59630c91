package io.invicta.jobs.airquality;

import io.invicta.domain.Eaqi;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IndexCombinerTest {

    private static final long H = Instant.parse("2024-05-01T08:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long LATENESS = Duration.ofMinutes(10).toMillis();

    private KeyedOneInputStreamOperatorTestHarness<String, PollutantMean, AirQualityIndex> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new IndexCombiner(Duration.ofMillis(LATENESS), Eaqi.shipped(), 1)),
                        m -> m.sensorId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static PollutantMean mean(Pollutant p, long windowStart, long windowEnd, double value) {
        return new PollutantMean("s1", "z", "x", p, windowStart, windowEnd, 6, value, value, value);
    }

    private void window(Pollutant p, long windowStart, long windowEnd, double value)
            throws Exception {
        harness.processElement(mean(p, windowStart, windowEnd, value), windowEnd - 1);
    }

    @Test
    void emitsTheWorstBandOfTheHourWhenTheWatermarkPassesItsEnd() throws Exception {
        window(Pollutant.NO2, H, H + HOUR, 35.0); // GOOD
        window(Pollutant.O3, H, H + HOUR, 110.0); // MODERATE
        window(Pollutant.PM10, H, H + HOUR, 60.0); // POOR (its 24 h running mean: this hour only)
        assertThat(harness.extractOutputValues()).as("nothing before the hour is final").isEmpty();

        harness.processWatermark(new Watermark(H + HOUR - 1));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        index -> {
                            assertThat(index.hourStart).isEqualTo(H);
                            assertThat(index.band).isEqualTo(Eaqi.Band.POOR);
                            assertThat(index.dominant).isEqualTo(Eaqi.Pollutant.PM10);
                            assertThat(index.no2).isEqualTo(35.0);
                            assertThat(index.pm10Day).isEqualTo(60.0);
                            assertThat(index.so2).isNull();
                        });
    }

    @Test
    void aRefiredWindowWithinTheLatenessEmitsTheCorrectedHourAgainAndStateEndsAfterIt()
            throws Exception {
        window(Pollutant.NO2, H, H + HOUR, 35.0);
        harness.processWatermark(new Watermark(H + HOUR - 1));
        window(Pollutant.NO2, H, H + HOUR, 250.0); // a late event raised the hourly mean

        assertThat(harness.extractOutputValues())
                .extracting(i -> i.band)
                .containsExactly(Eaqi.Band.GOOD, Eaqi.Band.VERY_POOR);
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(new Watermark(H + HOUR + LATENESS));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void hoursAreIndependent() throws Exception {
        window(Pollutant.NO2, H, H + HOUR, 35.0);
        window(Pollutant.NO2, H + HOUR, H + 2 * HOUR, 130.0);

        harness.processWatermark(new Watermark(H + 2 * HOUR - 1));

        assertThat(harness.extractOutputValues())
                .extracting(i -> i.hourStart, i -> i.band)
                .containsExactly(
                        Tuple.tuple(H, Eaqi.Band.GOOD), Tuple.tuple(H + HOUR, Eaqi.Band.POOR));
    }

    private static PollutantMean hourly(Pollutant p, int hour, long count, double value) {
        long start = H + hour * HOUR;
        return new PollutantMean(
                "s1", "z", "1h", p, start, start + HOUR, count, value, value, value);
    }

    @Test
    void thePmRunningMeanWeighsReadingsNotHoursAndForgetsHoursOlderThanADay() throws Exception {
        harness.processElement(hourly(Pollutant.PM10, 0, 6, 10.0), H);
        harness.processElement(hourly(Pollutant.PM10, 1, 2, 50.0), H);
        harness.processElement(hourly(Pollutant.PM10, 24, 4, 20.0), H); // hour 0 now outside
        harness.processWatermark(new Watermark(H + 25 * HOUR - 1));

        assertThat(harness.extractOutputValues())
                .extracting(i -> i.hourStart, i -> i.pm10Day)
                .containsExactly(
                        Tuple.tuple(H, 10.0),
                        Tuple.tuple(H + HOUR, (6 * 10.0 + 2 * 50.0) / 8),
                        Tuple.tuple(H + 24 * HOUR, (2 * 50.0 + 4 * 20.0) / 6));
    }

    @Test
    void aCorrectedPmHourReEmitsItselfWholeAndCorrectsTheLaterHoursThatContainIt()
            throws Exception {
        harness.processElement(hourly(Pollutant.PM10, 0, 1, 10.0), H);
        harness.processElement(hourly(Pollutant.PM10, 1, 1, 20.0), H);
        harness.processElement(hourly(Pollutant.NO2, 1, 1, 30.0), H);
        harness.processWatermark(new Watermark(H + HOUR + LATENESS / 2)); // hour 0 emitted
        harness.processElement(hourly(Pollutant.PM10, 0, 2, 40.0), H); // within its lateness
        harness.processWatermark(new Watermark(H + 2 * HOUR - 1));

        assertThat(harness.extractOutputValues())
                .extracting(i -> i.hourStart, i -> i.pm10Day, i -> i.no2)
                .containsExactly(
                        Tuple.tuple(H, 10.0, null),
                        Tuple.tuple(H, 40.0, null),
                        Tuple.tuple(H + HOUR, (2 * 40.0 + 20.0) / 3, 30.0));
    }

    /**
     * A backlog after an idle period: six hours of inputs, then one watermark that jumps past them
     * all and past their lateness. Every hour is emitted once, whole, and each point's level and
     * dominant pollutant are those of its own concentrations.
     */
    @Test
    void aWatermarkJumpOverManyHoursEmitsEveryHourWholeAndSelfConsistent() throws Exception {
        for (int hour = 0; hour < 6; hour++) {
            harness.processElement(hourly(Pollutant.PM10, hour, 6, 20.0 + 15 * hour), H);
            harness.processElement(hourly(Pollutant.NO2, hour, 6, 30.0 + 5 * hour), H);
            harness.processElement(hourly(Pollutant.O3, hour, 6, 81.0), H);
        }
        harness.processWatermark(new Watermark(H + 7 * HOUR + LATENESS));

        assertThat(harness.extractOutputValues()).hasSize(6).allSatisfy(IndexCombinerTest::whole);
        assertThat(harness.extractOutputValues())
                .extracting(i -> i.hourStart)
                .doesNotHaveDuplicates();
        // An input for an hour whose lateness has passed is dropped, never written as a partial
        // point.
        harness.processElement(hourly(Pollutant.PM10, 2, 6, 500.0), H);
        assertThat(harness.extractOutputValues()).hasSize(6);
    }

    /**
     * The same inputs in any order, with watermarks between them: the last point of each hour is
     * whole.
     */
    @Test
    void inAnyArrivalOrderEveryEmissionOfAnHourCarriesEveryInputItHadBefore() throws Exception {
        List<PollutantMean> inputs = new ArrayList<>();
        for (int hour = 0; hour < 4; hour++) {
            for (Pollutant p :
                    new Pollutant[] {Pollutant.NO2, Pollutant.O3, Pollutant.PM10, Pollutant.PM25}) {
                inputs.add(hourly(p, hour, 6, 10.0 * (hour + 1) + p.ordinal()));
            }
        }
        Collections.shuffle(inputs, new Random(7));
        long watermark = Long.MIN_VALUE;
        for (int k = 0; k < inputs.size(); k++) {
            harness.processElement(inputs.get(k), H);
            if (k % 5 == 4) {
                watermark = Math.max(watermark, inputs.get(k).windowStart);
                harness.processWatermark(new Watermark(watermark));
            }
        }
        harness.processWatermark(new Watermark(H + 5 * HOUR));

        Map<Long, AirQualityIndex> last = new HashMap<>();
        for (AirQualityIndex index : harness.extractOutputValues()) {
            whole(index);
            AirQualityIndex before = last.put(index.hourStart, index);
            if (before != null) {
                assertThat(fields(index))
                        .as("hour %s", index.hourStart)
                        .containsAll(fields(before));
            }
        }
        assertThat(last)
                .hasSize(4)
                .allSatisfy((hour, index) -> assertThat(fields(index)).hasSize(4));
    }

    private static Set<String> fields(AirQualityIndex i) {
        Set<String> set = new HashSet<>();
        if (i.no2 != null) set.add("no2");
        if (i.o3 != null) set.add("o3");
        if (i.so2 != null) set.add("so2");
        if (i.pm10Day != null) set.add("pm10");
        if (i.pm25Day != null) set.add("pm25");
        return set;
    }

    /** The point's band and dominant pollutant are those its own concentrations give. */
    private static void whole(AirQualityIndex i) {
        Map<Eaqi.Pollutant, Double> c = new EnumMap<>(Eaqi.Pollutant.class);
        if (i.no2 != null) c.put(Eaqi.Pollutant.NO2, i.no2);
        if (i.o3 != null) c.put(Eaqi.Pollutant.O3, i.o3);
        if (i.so2 != null) c.put(Eaqi.Pollutant.SO2, i.so2);
        if (i.pm10Day != null) c.put(Eaqi.Pollutant.PM10, i.pm10Day);
        if (i.pm25Day != null) c.put(Eaqi.Pollutant.PM25, i.pm25Day);
        Eaqi.Overall overall = Eaqi.overall(c);
        assertThat(i.band).as("band of %s", i.hourStart).isEqualTo(overall.band());
        assertThat(i.dominant).as("dominant of %s", i.hourStart).isEqualTo(overall.dominant());
    }

    @Test
    void pmHoursAreForgottenOnceNoRunningMeanCanNeedThem() throws Exception {
        window(Pollutant.PM10, H, H + HOUR, 30.0);
        harness.processWatermark(new Watermark(H + HOUR + LATENESS));
        assertThat(harness.numKeyedStateEntries())
                .as("the PM hour stays for the next day")
                .isPositive();

        harness.processWatermark(new Watermark(H + 25 * HOUR + LATENESS));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aPmRunningMeanNeedsTheConfiguredCoverageAndNotTheHourItself() throws Exception {
        try (var covered =
                new KeyedOneInputStreamOperatorTestHarness<String, PollutantMean, AirQualityIndex>(
                        new KeyedProcessOperator<>(
                                new IndexCombiner(Duration.ofMillis(LATENESS), Eaqi.shipped(), 18)),
                        m -> m.sensorId,
                        Types.STRING)) {
            covered.open();
            for (int hour = 0; hour < 17; hour++) {
                covered.processElement(hourly(Pollutant.PM10, hour, 1, 30.0), H);
                covered.processElement(hourly(Pollutant.NO2, hour, 1, 20.0), H);
            }
            covered.processElement(hourly(Pollutant.NO2, 17, 1, 20.0), H); // no PM in hour 17
            covered.processElement(hourly(Pollutant.PM10, 18, 1, 60.0), H);
            covered.processElement(hourly(Pollutant.NO2, 18, 1, 20.0), H);
            covered.processElement(hourly(Pollutant.NO2, 19, 1, 20.0), H); // no PM, 18 hours with
            covered.processWatermark(new Watermark(H + 20 * HOUR - 1));

            assertThat(covered.extractOutputValues())
                    .extracting(i -> i.hourStart, i -> i.pm10Day)
                    .as("17 hours with PM: no running mean yet, with the 18th: one")
                    .contains(
                            Tuple.tuple(H + 16 * HOUR, null),
                            Tuple.tuple(H + 17 * HOUR, null),
                            Tuple.tuple(H + 18 * HOUR, (17 * 30.0 + 60.0) / 18),
                            Tuple.tuple(H + 19 * HOUR, (17 * 30.0 + 60.0) / 18));
        }
    }
}
