package io.invicta.jobs.io;

import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteDecodedTest {

    @Test
    void passesEventsAndRoutesDeadLettersToTheSideOutputWithoutFailingTheTask() throws Exception {
        DeadLetter truncated =
                new DeadLetter(
                        "aq", 1, 7, 1000L, "TRUNCATED", "cut", "k".getBytes(), new byte[] {1});
        DeadLetter invalid =
                new DeadLetter(
                        "aq", 0, 9, 2000L, DeadLetter.INVALID, "no2 < 0", null, new byte[] {2});
        try (OneInputStreamOperatorTestHarness<Decoded<String>, String> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(RouteDecoded.<String>values()))) {
            harness.open();

            harness.processElement(Decoded.of("a"), 1L);
            harness.processElement(Decoded.failed(truncated), 2L);
            harness.processElement(Decoded.failed(invalid), 3L);
            harness.processElement(Decoded.of("b"), 4L);

            assertThat(harness.extractOutputValues()).containsExactly("a", "b");
            assertThat(harness.getSideOutput(RouteDecoded.DEAD_LETTERS))
                    .extracting(StreamRecord::getValue)
                    .containsExactly(truncated, invalid);
        }
    }
}
