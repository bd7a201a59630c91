package io.invicta.jobs.common;

import io.invicta.schemas.codec.DecodeFailureReason;
import io.invicta.schemas.codec.DecodeResult;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SplitDecodedTest {

    @Test
    void passesDecodedRecordsAndSkipsFailuresWithoutFailingTheTask() throws Exception {
        try (OneInputStreamOperatorTestHarness<DecodeResult<String>, String> harness =
                     new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new SplitDecoded<>()))) {
            harness.open();

            harness.processElement(new DecodeResult.Success<>("a"), 1L);
            harness.processElement(new DecodeResult.Failure<>(DecodeFailureReason.TRUNCATED, "cut", new byte[]{1}), 2L);
            harness.processElement(new DecodeResult.Failure<>(DecodeFailureReason.BAD_HEADER, "json", new byte[]{2}), 3L);
            harness.processElement(new DecodeResult.Success<>("b"), 4L);

            assertThat(harness.extractOutputValues()).containsExactly("a", "b");
        }
    }
}
