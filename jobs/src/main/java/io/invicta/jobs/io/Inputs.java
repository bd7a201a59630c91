package io.invicta.jobs.io;

import io.invicta.schemas.EventKind;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources of a job, one per event kind it reads, each emitting decoded and validated records
 * (failures as dead letters). {@link #kafka} reads the kinds' configured topics; tests put in
 * sources of their own.
 */
public final class Inputs {

    private final Map<EventKind<?>, Source<?, ?, ?>> sources;

    private Inputs(Map<EventKind<?>, Source<?, ?, ?>> sources) {
        this.sources = sources;
    }

    /** No source yet; add them with {@link #with}. */
    public static Inputs none() {
        return new Inputs(new LinkedHashMap<>());
    }

    /**
     * A Kafka source per kind: its {@code topic.<kind>} topic, consumer group {@code
     * kafka.group-id} (else {@code defaultGroupId}), values validated by the kind's validator
     * ({@code validation.*}) and screened by its anomaly checks ({@code anomaly.*}).
     */
    public static Inputs kafka(
            ReadableConfig config, String defaultGroupId, List<EventKind<?>> kinds) {
        Inputs inputs = none();
        kinds.forEach(kind -> inputs.addKafka(config, defaultGroupId, kind));
        return inputs;
    }

    private <T extends SpecificRecord> void addKafka(
            ReadableConfig config, String group, EventKind<T> kind) {
        with(
                kind,
                KafkaOptions.source(
                        config,
                        config.get(TopicOptions.of(kind)),
                        kind,
                        kind.validator(config.get(ValidationOptions.MAX_FUTURE)),
                        kind.anomalies(AnomalyOptions.plausibility(config)),
                        ValidationOptions.maxMessageBytes(config),
                        group));
    }

    /** These inputs and {@code source} for {@code kind} (replacing any it had). */
    public <T extends SpecificRecord> Inputs with(
            EventKind<T> kind, Source<Decoded<T>, ?, ?> source) {
        sources.put(kind, source);
        return this;
    }

    /** The source of {@code kind}; a job asking for a kind it was not given is a wiring error. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Source<Decoded<T>, ?, ?> of(EventKind<T> kind) {
        Source<?, ?, ?> source = sources.get(kind);
        if (source == null) {
            throw new IllegalArgumentException(
                    "no input for " + kind + "; inputs: " + sources.keySet());
        }
        return (Source<Decoded<T>, ?, ?>) source;
    }

    /** The kinds these inputs have, in the order they were added. */
    public List<EventKind<?>> kinds() {
        return List.copyOf(sources.keySet());
    }
}
