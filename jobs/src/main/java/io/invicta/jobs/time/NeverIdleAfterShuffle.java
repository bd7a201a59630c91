package io.invicta.jobs.time;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * The first keyed operator after the sources, made never to tell the operators after it that it is
 * idle.
 *
 * <p>Idle source partitions ({@code event-time.idleness}) are left out of the watermark, which is
 * what idleness is for. Flink then also marks an operator idle when all its inputs are, and an
 * operator downstream leaves idle inputs out of its own watermark. After a keyed shuffle that
 * second step goes wrong: every instance of the first keyed operator reads every source instance,
 * so all of them have the same watermark and turn idle and active together, but not at the same
 * instant. When readings arrive after an idle spell with a watermark far ahead (a backlog after a
 * restore, or a city whose sensors report rarely), the instance that catches up first moves the
 * downstream operator's watermark on its own while the others still count as idle; their results
 * for the same windows then arrive behind that watermark and are dropped as late. Zone windows
 * merged from sensor windows lost whole hours that way. Without the idle status downstream
 * operators wait for every instance of this one, which costs nothing: they all share the same
 * sources, so none of them can lag for want of data.
 */
public final class NeverIdleAfterShuffle<K, IN, OUT> extends KeyedProcessOperator<K, IN, OUT> {

    private static final long serialVersionUID = 1L;

    public NeverIdleAfterShuffle(KeyedProcessFunction<K, IN, OUT> function) {
        super(function);
    }

    /**
     * {@code in.process(function)} through this operator, named and identified by {@code uid}
     * (stable: savepoints of {@code process} with the same uid restore into it).
     */
    public static <K, IN, OUT> SingleOutputStreamOperator<OUT> process(
            KeyedStream<IN, K> in,
            KeyedProcessFunction<K, IN, OUT> function,
            TypeInformation<OUT> type,
            String uid) {
        return in.transform(uid, type, new NeverIdleAfterShuffle<>(function)).uid(uid);
    }

    /** Neither idle nor active is passed on: downstream, this operator is always active. */
    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}
}
