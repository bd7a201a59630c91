package io.invicta.tools.rules;

import io.invicta.rules.RuleSetMessage;
import io.invicta.tools.kafka.ProducerSettings;
import io.invicta.tools.kafka.WholeTopic;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;

/**
 * The compacted {@code rules} topic: one partition (rule sets are few and small; one partition
 * keeps every version of a name in order), {@code cleanup.policy=compact} so the newest record per
 * rule-set name is kept forever and a job starting from the beginning reads the rule set in force.
 */
final class RuleSetTopic implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;
    private final Admin admin;

    RuleSetTopic(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.admin =
                Admin.create(
                        Map.of(
                                "bootstrap.servers",
                                bootstrapServers,
                                "default.api.timeout.ms",
                                (int) TIMEOUT.toMillis(),
                                "request.timeout.ms",
                                10_000));
    }

    /** Creates the topic, compacted, unless it exists; true when it was created. */
    boolean createIfMissing(short replicationFactor)
            throws InterruptedException, ExecutionException {
        if (admin.listTopics().names().get().contains(topic)) {
            return false;
        }
        NewTopic newTopic =
                new NewTopic(topic, 1, replicationFactor)
                        .configs(
                                Map.of(
                                        TopicConfig.CLEANUP_POLICY_CONFIG,
                                        TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false; // created meanwhile by someone else: fine
            }
            throw e;
        }
    }

    /**
     * The highest version published under {@code name}, read from the beginning to the current end.
     */
    OptionalInt latestVersion(String name) {
        int[] latest = {-1};
        boolean[] found = {false};
        WholeTopic.read(
                bootstrapServers,
                topic,
                false,
                r -> {
                    if (r.key() != null
                            && name.equals(new String(r.key(), StandardCharsets.UTF_8))
                            && r.value() != null) {
                        try {
                            int v = RuleSetMessage.decode(r.value()).version();
                            latest[0] = found[0] ? Math.max(v, latest[0]) : v;
                            found[0] = true;
                        } catch (IllegalArgumentException ignored) {
                            // Not a rule set: the job dead-letters it; no version of ours.
                        }
                    }
                });
        return found[0] ? OptionalInt.of(latest[0]) : OptionalInt.empty();
    }

    RecordMetadata publish(RuleSetMessage message) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(ProducerSettings.stringKeys(bootstrapServers))) {
            return producer.send(new ProducerRecord<>(topic, message.name(), message.encode()))
                    .get();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
