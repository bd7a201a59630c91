package io.invicta.tools.replay;

import io.invicta.tools.kafka.RecordSender;

import java.nio.charset.StandardCharsets;

/** Where replayed events go: Kafka, or nowhere for a dry run. */
interface EventSink extends AutoCloseable {

    /**
     * The events to Kafka; the record timestamp is the event time, so consumers and Flink see the
     * data's own time.
     */
    static EventSink kafka(RecordSender sender) {
        return new EventSink() {
            @Override
            public void send(String topic, ReplayEvent event) {
                sender.send(
                        topic,
                        event.key().getBytes(StandardCharsets.UTF_8),
                        event.eventTime(),
                        event.value());
            }

            @Override
            public long flush() {
                return sender.flush();
            }

            @Override
            public void close() {
                sender.close();
            }
        };
    }

    void send(String topic, ReplayEvent event);

    /** Blocks until every event sent so far is acknowledged; returns how many failed. */
    long flush();

    @Override
    void close();
}
