package io.invicta.tools.generate;

import io.invicta.tools.kafka.RecordSender;

/**
 * Where generated records go: Kafka, a file, or nowhere (dry run). Called from the generator thread
 * only. Implementations must not keep {@code key} or {@code value} after {@code send} returns
 * unless they copy them.
 */
interface EventSink extends AutoCloseable {

    void send(EventType type, byte[] key, byte[] value);

    /**
     * Waits until everything sent so far is delivered (or written); throws if a delivery failed.
     */
    default void flush() {}

    @Override
    void close();

    /**
     * The records to Kafka, each on its type's topic. Delivery failures surface within a few
     * thousand sends and at {@link #flush()} as a {@link RecordSender.DeliveryException}.
     */
    static EventSink kafka(RecordSender sender) {
        return new EventSink() {
            private int sendsSinceCheck;

            @Override
            public void send(EventType type, byte[] key, byte[] value) {
                if ((++sendsSinceCheck & 0xFFF) == 0) {
                    sender.requireDelivered();
                }
                sender.send(type.topic(), key, null, value);
            }

            @Override
            public void flush() {
                sender.flush();
                sender.requireDelivered();
            }

            @Override
            public void close() {
                sender.close();
            }
        };
    }

    /** Discards every record (dry run: generation and encoding only); counts bytes. */
    final class Discard implements EventSink {
        long bytes;

        @Override
        public void send(EventType type, byte[] key, byte[] value) {
            bytes += key.length + value.length;
        }

        @Override
        public void close() {}
    }
}
