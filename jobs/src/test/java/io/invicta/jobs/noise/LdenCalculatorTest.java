package io.invicta.jobs.noise;

import io.invicta.jobs.windows.SensorPreAggregate;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Lden day of Saturday 2024-03-30 in Lisbon: clocks go from 01:00 WET to 02:00 WEST that night,
 * so the night period (23:00 → 07:00 local) lasts 7 hours and the day ends at 06:00 UTC, not 07:00.
 * Observations go through the noise job's Lden pre-aggregation (slices by the middle of their
 * interval) into the calculator.
 */
class LdenCalculatorTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final Duration LATENESS = Duration.ofMinutes(10);

    private OneInputStreamOperatorTestHarness<NoiseLevelObserved, WindowStats> slices;
    private KeyedOneInputStreamOperatorTestHarness<String, WindowStats, NoiseDay> harness;

    @BeforeEach
    void open() throws Exception {
        slices =
                new OneInputStreamOperatorTestHarness<>(
                        new SensorPreAggregate<>(
                                LdenCalculator.SLICE,
                                ZoneResolver.geohash(6),
                                NoiseMeasurer.atMiddle()));
        slices.open();
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new LdenCalculator(LISBON, LATENESS)),
                        w -> w.sensorId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        slices.close();
        harness.close();
    }

    /**
     * A one-hour observation ending at {@code end} (UTC) at {@code level} dB(A), sliced and sent on
     * at once.
     */
    private void hour(String end, double level) throws Exception {
        Instant t = Instant.parse(end);
        slices.processElement(
                NoiseLevelObserved.newBuilder()
                        .setId("s1")
                        .setDateObserved(t)
                        .setDateObservedFrom(t.minus(Duration.ofHours(1)))
                        .setLocation(new GeoPoint(38.72, -9.14))
                        .setZone("z")
                        .setLAeq(level)
                        .setLAmax(level + 10)
                        .setLAS(null)
                        .build(),
                t.toEpochMilli());
        slices.prepareSnapshotPreBarrier(
                0); // the pre-aggregation sends everything on at a checkpoint
        for (Object out : slices.getOutput()) {
            if (out instanceof StreamRecord<?> record) {
                harness.processElement((WindowStats) record.getValue(), record.getTimestamp());
            }
        }
        slices.getOutput().clear();
    }

    private void aWholeDayAt60DayAnd55EveningAnd50Night() throws Exception {
        for (int h = 8; h <= 19; h++) { // 07–19 local = 07–19 UTC in winter time
            hour(String.format("2024-03-30T%02d:00:00Z", h), 60);
        }
        for (int h = 20; h <= 23; h++) { // 19–23 local
            hour(String.format("2024-03-30T%02d:00:00Z", h), 55);
        }
        hour("2024-03-31T00:00:00Z", 50); // 23–00 WET
        hour("2024-03-31T01:00:00Z", 50); // 00–01 WET, then clocks jump to 02:00 WEST
        for (int h = 2; h <= 6; h++) { // 02–07 WEST = 01–06 UTC
            hour(String.format("2024-03-31T%02d:00:00Z", h), 50);
        }
    }

    @Test
    void ldenOfTheShortNightIsEmittedAt0700LocalWhichIs0600Utc() throws Exception {
        aWholeDayAt60DayAnd55EveningAnd50Night();

        harness.processWatermark(
                new Watermark(Instant.parse("2024-03-31T06:00:00Z").toEpochMilli() - 2));
        assertThat(harness.extractOutputValues()).as("the night is not over yet").isEmpty();
        harness.processWatermark(
                new Watermark(Instant.parse("2024-03-31T06:00:00Z").toEpochMilli() - 1));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        day -> {
                            assertThat(day.dayStart)
                                    .isEqualTo(
                                            Instant.parse("2024-03-30T07:00:00Z").toEpochMilli());
                            assertThat(day.lday).isCloseTo(60.0, within(1e-9));
                            assertThat(day.levening).isCloseTo(55.0, within(1e-9));
                            assertThat(day.lnight).isCloseTo(50.0, within(1e-9));
                            // (12·10^6 + 4·10^(60/10) + 8·10^(60/10)) / 24 = 10^6: exactly 60 dB.
                            assertThat(day.lden).isCloseTo(60.0, within(1e-9));
                        });
    }

    @Test
    void theFirstMorningHourAfterTheChangeBelongsToTheNextDay() throws Exception {
        aWholeDayAt60DayAnd55EveningAnd50Night();
        hour(
                "2024-03-31T06:30:00Z",
                90); // 07:30 WEST: the next Lden day, must not raise this night

        harness.processWatermark(
                new Watermark(Instant.parse("2024-03-31T06:00:00Z").toEpochMilli() - 1));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(day -> assertThat(day.lnight).isCloseTo(50.0, within(1e-9)));
    }

    @Test
    void aDayWithoutItsNightIsNotEmittedAndStateIsGoneAfterTheLateness() throws Exception {
        for (int h = 8; h <= 23; h++) {
            hour(String.format("2024-03-30T%02d:00:00Z", h), 60);
        }

        harness.processWatermark(
                new Watermark(
                        Instant.parse("2024-03-31T06:00:00Z").toEpochMilli()
                                + LATENESS.toMillis()));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLateNightReadingWithinTheLatenessReEmitsTheDay() throws Exception {
        aWholeDayAt60DayAnd55EveningAnd50Night();
        harness.processWatermark(
                new Watermark(Instant.parse("2024-03-31T06:05:00Z").toEpochMilli()));

        hour("2024-03-31T03:00:00Z", 70); // a louder night hour arrives late

        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(harness.extractOutputValues().get(1).lnight).isGreaterThan(50.0);
    }
}
