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
                        new KeyedProcessOperator<>(new IndexCombiner(Duration.ofMillis(LATENESS))),
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
        window(Pollutant.PM10, H + HOUR - 24 * HOUR, H + HOUR, 60.0); // POOR (24 h running mean)
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
}
