package io.invicta.jobs.common;

/**
 * What the Kafka source emits per record: the decoded, valid event, or the dead letter explaining why not.
 * Only crosses the chained edge from the source to {@link RouteDecoded}.
 */
public final class Decoded<T> {

    private final T value;
    private final DeadLetter deadLetter;

    private Decoded(T value, DeadLetter deadLetter) {
        this.value = value;
        this.deadLetter = deadLetter;
    }

    public static <T> Decoded<T> of(T value) {
        return new Decoded<>(value, null);
    }

    public static <T> Decoded<T> failed(DeadLetter deadLetter) {
        return new Decoded<>(null, deadLetter);
    }

    /** The event, or null for a dead letter. */
    public T value() {
        return value;
    }

    /** The dead letter, or null for an event. */
    public DeadLetter deadLetter() {
        return deadLetter;
    }
}
