package io.invicta.jobs.io;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Passes events on (as {@link Accepted} makes them: the decoded value, for most jobs) and routes
 * dead letters to {@link #DEAD_LETTERS}, counting them in total ({@code deadLetters}) and per
 * reason ({@code deadLettersByReason.<REASON>}), and logging the first ones and then every
 * thousandth; the anomalies found in records go to {@link #ANOMALIES}. Nothing is dropped silently.
 */
public final class RouteDecoded<T, R> extends ProcessFunction<Decoded<T>, R> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RouteDecoded.class);
    private static final int LOG_FIRST = 10;

    /** Side output of the records that failed decoding or validation. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    /** Side output of the anomalies found in valid records (see {@link DataQuality}). */
    public static final OutputTag<AnomalyRecord> ANOMALIES = new OutputTag<>("anomalies") {};

    /** What an accepted (decoded and valid) record goes on as. */
    @FunctionalInterface
    public interface Accepted<T, R> extends Serializable {
        R of(Decoded<T> decoded);
    }

    private final Accepted<T, R> accepted;
    private transient Counter deadLetters;

    public RouteDecoded(Accepted<T, R> accepted) {
        this.accepted = accepted;
    }

    /** Accepted records go on as their decoded value. */
    public static <T> RouteDecoded<T, T> values() {
        return new RouteDecoded<>(Decoded::value);
    }

    private transient Map<String, Counter> byReason;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup group = getRuntimeContext().getMetricGroup();
        deadLetters = group.counter("deadLetters");
        byReason = new HashMap<>();
        // The reason a key-value group: one metric name, the reason a tag (InfluxDB, Prometheus).
        MetricGroup reasons = group.addGroup("deadLettersByReason");
        for (String reason : DeadLetter.REASONS) {
            byReason.put(reason, reasonCounter(reasons, reason));
        }
    }

    private static Counter reasonCounter(MetricGroup reasons, String reason) {
        return reasons.addGroup("reason", reason).counter("count");
    }

    @Override
    public void processElement(Decoded<T> decoded, Context ctx, Collector<R> out) {
        for (AnomalyRecord anomaly : decoded.anomalies()) {
            ctx.output(ANOMALIES, anomaly);
        }
        if (decoded.value() != null) {
            out.collect(accepted.of(decoded));
            return;
        }
        DeadLetter letter = decoded.deadLetter();
        deadLetters.inc();
        byReason.get(letter.reason).inc();
        long n = deadLetters.getCount();
        if (n <= LOG_FIRST || n % 1000 == 0) {
            LOG.warn("Dead letter #{}: {}", n, letter);
        }
        ctx.output(DEAD_LETTERS, letter);
    }
}
