package io.invicta.jobs.airquality;

import io.invicta.domain.LimitValue;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ExceedanceCounterTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final long HOUR = 3_600_000L;

    private KeyedOneInputStreamOperatorTestHarness<
                    Tuple2<String, String>, PollutantMean, Exceedances>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new ExceedanceCounter(LISBON, Duration.ofMinutes(10))),
                        m -> Tuple2.of(m.sensorId, AirQualityJob.limitFor(m).name()),
                        Types.TUPLE(Types.STRING, Types.STRING));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void hourlyNo2(String hourStart, double mean) throws Exception {
        long start = Instant.parse(hourStart).toEpochMilli();
        harness.processElement(
                new PollutantMean(
                        "s1", "z", "1h", Pollutant.NO2, start, start + HOUR, 6, mean, mean, mean),
                start + HOUR - 1);
    }

    @Test
    void countsHoursStrictlyAboveTheLimitPerYear() throws Exception {
        hourlyNo2("2024-03-01T10:00:00Z", 250);
        hourlyNo2("2024-03-01T11:00:00Z", 200); // equal is not an exceedance
        hourlyNo2("2024-03-01T12:00:00Z", 201);

        assertThat(harness.extractOutputValues()).extracting(e -> e.count).containsExactly(1, 1, 2);
        Exceedances last = harness.extractOutputValues().get(2);
        assertThat(last.limit).isEqualTo(LimitValue.NO2_HOURLY_200.name());
        assertThat(last.allowed).isEqualTo(18);
        assertThat(last.year).isEqualTo(2024);
        assertThat(last.yearStart)
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli()); // WET = UTC
    }

    @Test
    void aCorrectedWindowChangesTheCountInsteadOfAddingToIt() throws Exception {
        hourlyNo2("2024-03-01T10:00:00Z", 250);
        hourlyNo2("2024-03-01T10:00:00Z", 260); // re-fired, still above: nothing new to say
        hourlyNo2("2024-03-01T10:00:00Z", 150); // re-fired below the limit

        assertThat(harness.extractOutputValues()).extracting(e -> e.count).containsExactly(1, 0);
    }

    @Test
    void yearsFollowTheCityCalendarAndAreForgottenOnceOver() throws Exception {
        // 2024-12-31T23:30Z is still 2024 in Lisbon (WET = UTC), 2025 in Madrid.
        hourlyNo2("2024-12-31T23:00:00Z", 300);
        hourlyNo2("2025-01-01T00:00:00Z", 300);

        assertThat(harness.extractOutputValues())
                .extracting(e -> e.year, e -> e.count)
                .containsExactly(Tuple.tuple(2024, 1), Tuple.tuple(2025, 1));

        harness.processWatermark(
                new Watermark(Instant.parse("2026-01-01T00:10:00Z").toEpochMilli()));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void dailyMeansAreJudgedAgainstTheDailyLimits() {
        long day = Instant.parse("2024-03-31T00:00:00Z").toEpochMilli();
        PollutantMean pm10Day =
                new PollutantMean(
                        "s1", "z", "1d", Pollutant.PM10, day, day + 23 * HOUR, 24, 55, 40, 70);
        PollutantMean pm10Hour =
                new PollutantMean("s1", "z", "1h", Pollutant.PM10, day, day + HOUR, 6, 55, 40, 70);

        assertThat(AirQualityJob.limitFor(pm10Day)).isEqualTo(LimitValue.PM10_DAILY_50);
        assertThat(AirQualityJob.limitFor(pm10Hour)).isNull();
    }
}
