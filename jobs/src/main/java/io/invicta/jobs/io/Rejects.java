package io.invicta.jobs.io;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.time.Duration;

/**
 * Where a job's rejects and input-quality findings go: records that failed decoding or validation
 * (dead letters), events later than the allowed lateness, and the hourly per-sensor counts of
 * anomalies ({@link DataQuality}). By default to the dead-letter and late-events topics and to
 * InfluxDB.
 */
public record Rejects(
        Sink<DeadLetter> deadLetters, Sink<LateEvent> lateEvents, Sink<AnomalyCount> dataQuality) {

    /** The topics {@code topic.dead-letter} and {@code topic.late-events}, at least once. */
    public static Rejects of(ReadableConfig config) {
        return new Rejects(
                KafkaOptions.deadLetterSink(config),
                KafkaOptions.lateEventSink(config),
                InfluxSinks.sink(config, new DataQuality.Points()));
    }

    /**
     * Sinks the dead letters and late events, operator uids {@code <prefix>dead-letters} and {@code
     * <prefix>late-events} (the rules job, whose input the metrics jobs already judge).
     */
    public void attach(
            DataStream<DeadLetter> letters, DataStream<LateEvent> late, String uidPrefix) {
        letters.sinkTo(deadLetters)
                .name(uidPrefix + "dead-letters")
                .uid(uidPrefix + "dead-letters");
        late.sinkTo(lateEvents).name(uidPrefix + "late-events").uid(uidPrefix + "late-events");
    }

    /**
     * Sinks all three: dead letters, late events, and the hourly anomaly counts (within {@code
     * lateness}); uids {@code dead-letters}, {@code late-events}, {@code data-quality}, {@code
     * influxdb-data-quality}.
     */
    public void attach(
            DataStream<DeadLetter> letters,
            DataStream<LateEvent> late,
            DataStream<AnomalyRecord> anomalies,
            Duration lateness) {
        attach(letters, late, "");
        DataQuality.hourly(anomalies, lateness, "")
                .sinkTo(dataQuality)
                .name("influxdb-data-quality")
                .uid("influxdb-data-quality");
    }
}
