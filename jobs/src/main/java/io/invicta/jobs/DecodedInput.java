package io.invicta.jobs;

import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.io.AnomalyRecord;
import io.invicta.jobs.io.DeadLetter;
import io.invicta.jobs.io.Decoded;
import io.invicta.jobs.io.LateEvent;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.io.RouteDecoded;
import io.invicta.jobs.time.DecodedEventTimes;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.jobs.time.LatenessGate;
import io.invicta.schemas.EventKind;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;
import java.util.function.Function;

/**
 * The front every metrics job shares for one input: source with per-partition watermarks → dead
 * letters split off → lateness gate. Operator uids are {@code <family>-source}, {@code
 * decode-<family>} and {@code lateness-gate-<family>}, stable across versions so savepoints survive
 * upgrades.
 *
 * @param events decoded, valid events that are not too late for every window
 * @param deadLetters records that failed decoding or validation
 * @param late events later than the allowed lateness of every window
 * @param anomalies the anomalies found in valid records (rejected, clamped or flagged)
 */
public record DecodedInput<T>(
        DataStream<T> events,
        DataStream<DeadLetter> deadLetters,
        DataStream<LateEvent> late,
        DataStream<AnomalyRecord> anomalies) {

    public static <T extends SpecificRecord> DecodedInput<T> of(
            StreamExecutionEnvironment env,
            ReadableConfig config,
            Source<Decoded<T>, ?, ?> source,
            EventKind<T> kind,
            String family) {
        SingleOutputStreamOperator<T> decoded =
                env.fromSource(
                                source,
                                DecodedEventTimes.watermarks(kind, config),
                                family + "-source")
                        .uid(family + "-source")
                        .process(RouteDecoded.<T>values())
                        .returns(kind.type())
                        .name("decode-" + family)
                        .uid("decode-" + family);
        SingleOutputStreamOperator<T> inTime =
                decoded.process(
                                new LatenessGate<>(
                                        kind,
                                        MetricsOptions.shortestWindow(config),
                                        config.get(EventTimeOptions.ALLOWED_LATENESS)))
                        .name("lateness-gate-" + family)
                        .uid("lateness-gate-" + family);
        return new DecodedInput<>(
                inTime,
                decoded.getSideOutput(RouteDecoded.DEAD_LETTERS),
                inTime.getSideOutput(LatenessGate.LATE),
                decoded.getSideOutput(RouteDecoded.ANOMALIES));
    }

    /**
     * Sends this input's dead letters, late events and hourly anomaly counts to {@code rejects}.
     */
    public void attachTo(Rejects rejects, ReadableConfig config) {
        attachAll(List.of(this), rejects, config);
    }

    /**
     * Sends the dead letters, late events and anomaly counts of several inputs to {@code rejects}.
     */
    public static void attachAll(
            List<DecodedInput<?>> inputs, Rejects rejects, ReadableConfig config) {
        rejects.attach(
                union(inputs, DecodedInput::deadLetters),
                union(inputs, DecodedInput::late),
                union(inputs, DecodedInput::anomalies),
                config.get(EventTimeOptions.ALLOWED_LATENESS));
    }

    @SuppressWarnings("unchecked")
    private static <R> DataStream<R> union(
            List<DecodedInput<?>> inputs, Function<DecodedInput<?>, DataStream<R>> part) {
        List<DataStream<R>> streams = inputs.stream().map(part).toList();
        return streams.size() == 1
                ? streams.get(0)
                : streams.get(0)
                        .union(streams.subList(1, streams.size()).toArray(DataStream[]::new));
    }
}
