package io.invicta.jobs.time;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NeverIdleAfterShuffleTest {

    /** Passes each value on. */
    private static final class Identity extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value);
        }
    }

    /** What the operator passes downstream: records, watermarks and idle/active statuses. */
    private static List<Object> downstream(KeyedProcessOperator<String, String, String> operator)
            throws Exception {
        try (var h = new KeyedOneInputStreamOperatorTestHarness<>(operator, v -> v, Types.STRING)) {
            h.open();
            h.processElement(new StreamRecord<>("a", 1_000));
            h.processWatermark(new Watermark(1_000));
            h.processWatermarkStatus(WatermarkStatus.IDLE);
            h.processWatermarkStatus(WatermarkStatus.ACTIVE);
            h.processElement(new StreamRecord<>("b", 7_200_000));
            h.processWatermark(new Watermark(7_200_000));
            List<Object> out = new ArrayList<>();
            for (Object o : h.getOutput()) {
                out.add(o instanceof StreamRecord<?> r ? r.getValue() : o);
            }
            return out;
        }
    }

    @Test
    void anIdleInputIsNotPassedOnWhileRecordsAndWatermarksAre() throws Exception {
        assertThat(downstream(new NeverIdleAfterShuffle<>(new Identity())))
                .containsExactly("a", new Watermark(1_000), "b", new Watermark(7_200_000));
    }

    @Test
    void aPlainKeyedOperatorWouldTellTheOperatorsAfterItThatItIsIdle() throws Exception {
        assertThat(downstream(new KeyedProcessOperator<>(new Identity())))
                .contains(WatermarkStatus.IDLE);
    }
}
