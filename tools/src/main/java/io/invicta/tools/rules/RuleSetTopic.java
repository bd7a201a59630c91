package io.invicta.tools.rules;

import io.invicta.rules.RuleSetMessage;
import io.invicta.tools.kafka.ProducerSettings;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

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
        Map<String, Object> props =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        OptionalInt latest = OptionalInt.empty();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, TIMEOUT).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading topic " + topic);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (name.equals(r.key()) && r.value() != null) {
                        try {
                            int v = RuleSetMessage.decode(r.value()).version();
                            latest = OptionalInt.of(Math.max(v, latest.orElse(v)));
                        } catch (IllegalArgumentException ignored) {
                            // Not ours to judge here: the job skips undecodable records too.
                        }
                    }
                }
            }
        }
        return latest;
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
