package io.invicta.jobs.common;

import io.invicta.schemas.codec.DecodeFailureReason;
import io.invicta.schemas.codec.DecodeResult;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;

/**
 * Passes decoded records on and counts the failures, in total and per reason (metric group
 * {@code decodeFailures.<REASON>}), logging the first ones and then every thousandth.
 * The dead-letter topic for the failures comes with the metrics jobs; until then they are counted and logged.
 */
public final class SplitDecoded<T> extends ProcessFunction<DecodeResult<T>, T> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SplitDecoded.class);
    private static final int LOG_FIRST = 10;

    private transient Counter failures;
    private transient Map<DecodeFailureReason, Counter> failuresByReason;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup group = getRuntimeContext().getMetricGroup();
        failures = group.counter("decodeFailures");
        failuresByReason = new EnumMap<>(DecodeFailureReason.class);
        MetricGroup byReason = group.addGroup("decodeFailuresByReason");
        for (DecodeFailureReason reason : DecodeFailureReason.values()) {
            failuresByReason.put(reason, byReason.counter(reason.name()));
        }
    }

    @Override
    public void processElement(DecodeResult<T> result, Context ctx, Collector<T> out) {
        if (result instanceof DecodeResult.Success<T> success) {
            out.collect(success.value());
            return;
        }
        DecodeResult.Failure<T> failure = (DecodeResult.Failure<T>) result;
        failures.inc();
        failuresByReason.get(failure.reason()).inc();
        long n = failures.getCount();
        if (n <= LOG_FIRST || n % 1000 == 0) {
            LOG.warn("Skipping undecodable record #{}: {}", n, failure);
        }
    }
}
