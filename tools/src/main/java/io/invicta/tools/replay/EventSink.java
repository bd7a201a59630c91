package io.invicta.tools.replay;

/** Where replayed events go: Kafka, or nowhere for a dry run. */
interface EventSink extends AutoCloseable {

    void send(String topic, ReplayEvent event);

    /** Blocks until every event sent so far is acknowledged; returns how many failed. */
    long flush();

    @Override
    void close();
}
