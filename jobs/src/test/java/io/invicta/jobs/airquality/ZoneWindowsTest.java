package io.invicta.jobs.airquality;

import io.invicta.jobs.windows.WindowStats;
import io.invicta.jobs.windows.ZoneWindows;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.invicta.jobs.airquality.SensorWindowsTest.LATENESS;
import static io.invicta.jobs.airquality.SensorWindowsTest.MIN;
import static io.invicta.jobs.airquality.SensorWindowsTest.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class ZoneWindowsTest {

    private KeyedOneInputStreamOperatorTestHarness<String, WindowStats, WindowStats> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new ZoneWindows(Duration.ofMillis(LATENESS))),
                        w -> w.zone,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A sensor's one-minute result, as {@link SensorWindows} emits it. */
    private void sensorMinute(String sensor, double... no2) throws Exception {
        WindowStats w = SensorWindowsTest.slice(sensor, "z1", T, Pollutant.NO2, no2);
        w.resolution = "1m";
        harness.processElement(w, T + MIN - 1);
    }

    @Test
    void mergesTheSensorWindowsOfAZoneIntoTheMeanOfAllTheirReadings() throws Exception {
        sensorMinute("s1", 10, 20, 30);
        sensorMinute("s2", 100);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(new Watermark(T + MIN - 1));

        assertThat(harness.extractOutputValues())
                .flatExtracting(PollutantMeans::of)
                .extracting(
                        m -> m.sensorId,
                        m -> m.zone,
                        m -> m.resolution,
                        m -> m.windowStart,
                        m -> m.count,
                        m -> m.mean,
                        m -> m.min,
                        m -> m.max)
                .containsExactly(tuple(null, "z1", "1m", T, 4L, 40.0, 10.0, 100.0));
    }

    @Test
    void aCorrectedSensorWindowReplacesThatSensorsShareInsteadOfAddingToIt() throws Exception {
        sensorMinute("s1", 10, 20, 30);
        sensorMinute("s2", 100);
        harness.processWatermark(new Watermark(T + MIN - 1));

        sensorMinute("s1", 10, 20, 30, 1000); // s1 re-emitted after a late reading

        assertThat(harness.extractOutputValues())
                .flatExtracting(PollutantMeans::of)
                .extracting(m -> m.count, m -> m.mean, m -> m.max)
                .containsExactly(tuple(4L, 40.0, 100.0), tuple(5L, 232.0, 1000.0));
    }

    @Test
    void stateAndTimersAreGoneAfterTheLateness() throws Exception {
        sensorMinute("s1", 10);
        harness.processWatermark(new Watermark(T + MIN - 1));
        assertThat(harness.numKeyedStateEntries()).as("kept for late corrections").isPositive();

        harness.processWatermark(new Watermark(T + MIN - 1 + LATENESS));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
