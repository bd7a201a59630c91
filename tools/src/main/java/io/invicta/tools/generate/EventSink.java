package io.invicta.tools.generate;

/**
 * Where generated records go: Kafka, a file, or nowhere (dry run). Called from the generator thread only.
 * Implementations must not keep {@code key} or {@code value} after {@code send} returns unless they copy them.
 */
interface EventSink extends AutoCloseable {

    void send(EventType type, byte[] key, byte[] value);

    /** Waits until everything sent so far is delivered (or written); throws if a delivery failed. */
    default void flush() {
    }

    @Override
    void close();

    /** Discards every record (dry run: generation and encoding only); counts bytes. */
    final class Discard implements EventSink {
        long bytes;

        @Override
        public void send(EventType type, byte[] key, byte[] value) {
            bytes += key.length + value.length;
        }

        @Override
        public void close() {
        }
    }
}
