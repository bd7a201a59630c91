package io.invicta.jobs.io;

import java.util.List;

/**
 * What the Kafka source emits per record: the decoded, valid event, or the dead letter explaining
 * why not. Only crosses the chained edge from the source to {@link RouteDecoded}.
 */
public final class Decoded<T> {

    private final T value;
    private final byte[] bytes;
    private final DeadLetter deadLetter;
    private final List<AnomalyRecord> anomalies;

    private Decoded(T value, byte[] bytes, DeadLetter deadLetter, List<AnomalyRecord> anomalies) {
        this.value = value;
        this.bytes = bytes;
        this.deadLetter = deadLetter;
        this.anomalies = anomalies;
    }

    public static <T> Decoded<T> of(T value) {
        return new Decoded<>(value, null, null, List.of());
    }

    /**
     * An event with the bytes it was decoded from (the Kafka value: Avro single-object encoding).
     */
    public static <T> Decoded<T> of(T value, byte[] bytes) {
        return new Decoded<>(value, bytes, null, List.of());
    }

    /**
     * An event in which anomaly checks found (and flagged or clamped) implausible values; no bytes,
     * since a clamped event no longer matches them.
     */
    public static <T> Decoded<T> withAnomalies(T value, List<AnomalyRecord> anomalies) {
        return new Decoded<>(value, null, null, anomalies);
    }

    public static <T> Decoded<T> failed(DeadLetter deadLetter) {
        return new Decoded<>(null, null, deadLetter, List.of());
    }

    /** A valid event that an anomaly check rejected. */
    public static <T> Decoded<T> rejected(DeadLetter deadLetter, List<AnomalyRecord> anomalies) {
        return new Decoded<>(null, null, deadLetter, anomalies);
    }

    /** The anomalies found in the event (also when it was rejected for one), or none. */
    public List<AnomalyRecord> anomalies() {
        return anomalies;
    }

    /** The event, or null for a dead letter. */
    public T value() {
        return value;
    }

    /**
     * The encoded event as it arrived, or null when it did not come as bytes. Never to be modified.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** The dead letter, or null for an event. */
    public DeadLetter deadLetter() {
        return deadLetter;
    }
}
