package io.invicta.jobs.io;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where a job's rejects go: records that failed decoding or validation (dead letters) and events
 * later than the allowed lateness. Every job has both; by default they go to the dead-letter and
 * late-events topics.
 */
public record Rejects(Sink<DeadLetter> deadLetters, Sink<LateEvent> lateEvents) {

    /** The topics {@code topic.dead-letter} and {@code topic.late-events}, at least once. */
    public static Rejects of(ReadableConfig config) {
        return new Rejects(KafkaOptions.deadLetterSink(config), KafkaOptions.lateEventSink(config));
    }

    /** Sinks both streams, operator uids {@code dead-letters} and {@code late-events}. */
    public void attach(DataStream<DeadLetter> letters, DataStream<LateEvent> late) {
        attach(letters, late, "");
    }

    /**
     * Sinks both streams, operator uids {@code <prefix>dead-letters} and {@code
     * <prefix>late-events}.
     */
    public void attach(
            DataStream<DeadLetter> letters, DataStream<LateEvent> late, String uidPrefix) {
        letters.sinkTo(deadLetters)
                .name(uidPrefix + "dead-letters")
                .uid(uidPrefix + "dead-letters");
        late.sinkTo(lateEvents).name(uidPrefix + "late-events").uid(uidPrefix + "late-events");
    }
}
