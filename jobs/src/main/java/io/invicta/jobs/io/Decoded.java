package io.invicta.jobs.io;

/**
 * What the Kafka source emits per record: the decoded, valid event, or the dead letter explaining
 * why not. Only crosses the chained edge from the source to {@link RouteDecoded}.
 */
public final class Decoded<T> {

    private final T value;
    private final byte[] bytes;
    private final DeadLetter deadLetter;

    private Decoded(T value, byte[] bytes, DeadLetter deadLetter) {
        this.value = value;
        this.bytes = bytes;
        this.deadLetter = deadLetter;
    }

    public static <T> Decoded<T> of(T value) {
        return new Decoded<>(value, null, null);
    }

    /**
     * An event with the bytes it was decoded from (the Kafka value: Avro single-object encoding).
     */
    public static <T> Decoded<T> of(T value, byte[] bytes) {
        return new Decoded<>(value, bytes, null);
    }

    public static <T> Decoded<T> failed(DeadLetter deadLetter) {
        return new Decoded<>(null, null, deadLetter);
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
