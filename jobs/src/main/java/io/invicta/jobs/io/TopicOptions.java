package io.invicta.jobs.io;

import io.invicta.schemas.EventKind;
import io.invicta.schemas.Topics;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.util.List;

/**
 * The {@code topic.*} options: one per catalogued event kind ({@code topic.air-quality}, …) and one
 * per other topic the jobs write, each defaulting to the name in the topic catalogue ({@link
 * Topics}).
 */
public final class TopicOptions {

    private static final List<ConfigOption<String>> BY_KIND =
            EventKind.all().stream()
                    .map(
                            kind ->
                                    ConfigOptions.key("topic." + kind.name())
                                            .stringType()
                                            .defaultValue(kind.defaultTopic())
                                            .withDescription(
                                                    "Kafka topic of "
                                                            + kind.typeName()
                                                            + " records (Avro single-object"
                                                            + " encoding)."))
                    .toList();

    public static final ConfigOption<String> DEAD_LETTER =
            of(
                    Topics.DEAD_LETTER,
                    "Topic for records that fail decoding or validation (original bytes, reason in"
                            + " headers).");

    public static final ConfigOption<String> LATE_EVENTS =
            of(
                    Topics.LATE_EVENTS,
                    "Topic for events later than the allowed lateness (the event's bytes, reason in"
                            + " headers).");

    public static final ConfigOption<String> ALERTS =
            of(
                    Topics.ALERTS,
                    "Topic of the alerts (Avro Alert, key = partition key), written exactly once.");

    public static final ConfigOption<String> RULE_STATUS =
            of(
                    Topics.RULE_STATUS,
                    "Topic of rule-set status records (ACTIVE or REJECTED with the reason, JSON).");

    private TopicOptions() {}

    /** The topic option of an event kind. */
    public static ConfigOption<String> of(EventKind<?> kind) {
        return BY_KIND.get(kind.index());
    }

    /** The topic options of the given kinds. */
    public static List<ConfigOption<?>> of(List<EventKind<?>> kinds) {
        return kinds.stream().<ConfigOption<?>>map(TopicOptions::of).toList();
    }

    private static ConfigOption<String> of(Topics.Topic topic, String description) {
        return ConfigOptions.key("topic." + topic.name())
                .stringType()
                .defaultValue(topic.name())
                .withDescription(description);
    }
}
