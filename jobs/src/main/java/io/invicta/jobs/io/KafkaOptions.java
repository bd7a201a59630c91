package io.invicta.jobs.io;

import io.invicta.schemas.EventKind;
import io.invicta.schemas.validation.AnomalyScreen;
import io.invicta.schemas.validation.Validator;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Kafka connection options shared by the jobs, and the sources and sinks they configure. */
public final class KafkaOptions {

    public static final ConfigOption<String> BOOTSTRAP_SERVERS =
            ConfigOptions.key("kafka.bootstrap-servers")
                    .stringType()
                    .defaultValue("localhost:9092")
                    .withDescription("Kafka bootstrap servers, comma separated host:port list.");

    public static final ConfigOption<String> GROUP_ID =
            ConfigOptions.key("kafka.group-id")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Consumer group id; offsets are committed on checkpoints. Defaults to"
                                    + " the job's name.");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            ConfigOptions.key("kafka.starting-offsets")
                    .enumType(StartingOffsets.class)
                    .defaultValue(StartingOffsets.COMMITTED)
                    .withDescription(
                            "Where a job without checkpointed offsets starts: COMMITTED (the"
                                    + " group's committed offsets, else the earliest), EARLIEST or"
                                    + " LATEST.");

    public static final ConfigOption<Boolean> BOUNDED =
            ConfigOptions.key("kafka.bounded")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Read every topic only up to the offsets it holds when the job starts,"
                                + " then finish. The end of input moves event time to its end, so"
                                + " every window fires, the last one included: the way to process a"
                                + " replayed file or a backfill completely (docs/REPLAY.md). Off:"
                                + " read for ever.");

    /** Where a fresh job starts reading. Restores always continue from checkpointed offsets. */
    public enum StartingOffsets {
        COMMITTED,
        EARLIEST,
        LATEST
    }

    private KafkaOptions() {}

    /**
     * A source of one topic whose values are decoded into {@code type}, validated and screened for
     * anomalies; failures are emitted as dead letters, not thrown. With {@link #BOUNDED} it stops
     * at the offsets the topic holds when the job starts.
     */
    public static <T extends SpecificRecord> KafkaSource<Decoded<T>> source(
            ReadableConfig config,
            String topic,
            EventKind<T> kind,
            Validator<T> validator,
            AnomalyScreen<T> anomalies,
            int maxMessageBytes,
            String defaultGroupId) {
        KafkaSourceBuilder<Decoded<T>> builder =
                KafkaSource.<Decoded<T>>builder()
                        .setBootstrapServers(config.get(BOOTSTRAP_SERVERS))
                        .setTopics(topic)
                        .setGroupId(config.getOptional(GROUP_ID).orElse(defaultGroupId))
                        .setStartingOffsets(startingOffsets(config.get(STARTING_OFFSETS)))
                        .setDeserializer(
                                new AvroKafkaDeserializer<>(
                                        kind, validator, anomalies, maxMessageBytes))
                        .setProperty("commit.offsets.on.checkpoint", "true");
        if (config.get(BOUNDED)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** At-least-once sink of dead letters to {@link TopicOptions#DEAD_LETTER}. */
    public static KafkaSink<DeadLetter> deadLetterSink(ReadableConfig config) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(config.get(BOOTSTRAP_SERVERS))
                .setRecordSerializer(new DeadLetterSerializer(config.get(TopicOptions.DEAD_LETTER)))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** At-least-once sink of late events to {@link TopicOptions#LATE_EVENTS}. */
    public static KafkaSink<LateEvent> lateEventSink(ReadableConfig config) {
        return KafkaSink.<LateEvent>builder()
                .setBootstrapServers(config.get(BOOTSTRAP_SERVERS))
                .setRecordSerializer(new LateEventSerializer(config.get(TopicOptions.LATE_EVENTS)))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    @SuppressWarnings("deprecation") // the connector's API still takes the pre-4.0 reset strategy
    private static OffsetsInitializer startingOffsets(StartingOffsets start) {
        return switch (start) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }
}
