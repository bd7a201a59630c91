package io.invicta.jobs.airquality;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunningDayMeansTest {

    private static final long H0 = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private static PollutantMean hourly(int hour, long count, double mean) {
        long start = H0 + hour * HOUR;
        return new PollutantMean(
                "s1", "z", "1h", Pollutant.PM10, start, start + HOUR, count, mean, mean, mean);
    }

    @Test
    void theRunningMeanWeighsReadingsNotHoursAndForgetsHoursOlderThanADay() throws Exception {
        try (var harness =
                new KeyedOneInputStreamOperatorTestHarness<
                        Tuple2<String, String>, PollutantMean, PollutantMean>(
                        new KeyedProcessOperator<>(new RunningDayMeans()),
                        m -> Tuple2.of(m.sensorId, m.pollutant.field()),
                        Types.TUPLE(Types.STRING, Types.STRING))) {
            harness.open();
            harness.processElement(hourly(0, 6, 10.0), 0L);
            harness.processElement(hourly(1, 2, 50.0), 0L);
            harness.processElement(hourly(24, 4, 20.0), 0L); // hour 0 is now outside the 24 hours

            List<PollutantMean> out = harness.extractOutputValues();
            assertThat(out).hasSize(3);
            assertThat(out.get(1).mean).isCloseTo((6 * 10.0 + 2 * 50.0) / 8, within(1e-9));
            assertThat(out.get(1).windowEnd).isEqualTo(H0 + 2 * HOUR);
            assertThat(out.get(1).windowStart).isEqualTo(H0 + 2 * HOUR - 24 * HOUR);
            assertThat(out.get(2).mean).isCloseTo((2 * 50.0 + 4 * 20.0) / 6, within(1e-9));
            assertThat(out.get(2).count).isEqualTo(6);
        }
    }

    @Test
    void aCorrectedHourReEmitsEveryLaterRunningMeanThatContainsIt() throws Exception {
        try (var harness =
                new KeyedOneInputStreamOperatorTestHarness<
                        Tuple2<String, String>, PollutantMean, PollutantMean>(
                        new KeyedProcessOperator<>(new RunningDayMeans()),
                        m -> Tuple2.of(m.sensorId, m.pollutant.field()),
                        Types.TUPLE(Types.STRING, Types.STRING))) {
            harness.open();
            harness.processElement(hourly(0, 1, 10.0), 0L);
            harness.processElement(hourly(1, 1, 20.0), 0L);
            harness.processElement(hourly(0, 2, 40.0), 0L); // hour 0 corrected by a late reading

            List<PollutantMean> out = harness.extractOutputValues();
            assertThat(out)
                    .extracting(m -> m.windowEnd, m -> m.mean)
                    .containsExactly(
                            Tuple.tuple(H0 + HOUR, 10.0),
                            Tuple.tuple(H0 + 2 * HOUR, 15.0),
                            Tuple.tuple(H0 + HOUR, 40.0),
                            Tuple.tuple(H0 + 2 * HOUR, (2 * 40.0 + 20.0) / 3));
        }
    }
}
