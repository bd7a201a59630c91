package io.invicta.schemas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every Kafka topic Invicta reads or writes, with its default name, what its records hold and their
 * key: one topic per catalogued event kind ({@link EventKind}), then the topics of the jobs' other
 * outputs and of the rule sets. The jobs' {@code topic.*} options default to these names, and
 * {@code scripts/topics} creates and lists them from this table.
 */
public final class Topics {

    /**
     * A topic: default name, content, record key, and whether it is one compacted partition (a
     * table, not a stream).
     */
    public record Topic(
            String name, String content, String key, boolean compacted, String description) {}

    public static final Topic ALERTS =
            new Topic(
                    "alerts",
                    "Alert",
                    "rule partition key",
                    false,
                    "output of the rules, written exactly once");
    public static final Topic DEAD_LETTER =
            new Topic(
                    "dead-letter",
                    "failed records",
                    "original record key",
                    false,
                    "original key and value, reason and source in headers");
    public static final Topic LATE_EVENTS =
            new Topic(
                    "late-events",
                    "the event's own type",
                    "entity id",
                    false,
                    "events later than the allowed lateness");

    /** The rules topic's default name, a constant for option defaults. */
    public static final String RULES_NAME = "rules";

    public static final Topic RULES =
            new Topic(
                    RULES_NAME,
                    "rule set (JSON)",
                    "rule-set name",
                    true,
                    "versions of the rule set, published by scripts/rules deploy");
    public static final Topic RULE_STATUS =
            new Topic(
                    "rule-status",
                    "rule-set status (JSON)",
                    "rule-set name",
                    false,
                    "ACTIVE or REJECTED per rule operator instance");

    private static final List<Topic> ALL =
            all(List.of(ALERTS, DEAD_LETTER, LATE_EVENTS, RULES, RULE_STATUS));

    private Topics() {}

    /** The topic of an event kind under its default name. */
    public static Topic of(EventKind<?> kind) {
        return new Topic(
                kind.defaultTopic(),
                kind.typeName(),
                kind.keyField(),
                false,
                "FIWARE " + kind.typeName());
    }

    /** Every topic: the event kinds' in catalogue order, then the others. */
    public static List<Topic> all() {
        return ALL;
    }

    private static List<Topic> all(List<Topic> others) {
        List<Topic> topics = new ArrayList<>();
        EventKind.all().forEach(kind -> topics.add(of(kind)));
        topics.addAll(others);
        return Collections.unmodifiableList(topics);
    }
}
