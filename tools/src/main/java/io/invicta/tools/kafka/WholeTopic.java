package io.invicta.tools.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/** A topic read once from its beginning to its end as the read starts, without a consumer group. */
public final class WholeTopic {

    private WholeTopic() {}

    /** Longer than a broker takes to answer, shorter than a user waits for a tool. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * Hands every record of {@code topic} to {@code each}. With {@code committedOnly} it reads
     * {@code read_committed}: the end is the last stable offset, open transactions stop there.
     * {@link IllegalStateException} when the end is not reached within a minute.
     */
    public static void read(
            String bootstrapServers,
            String topic,
            boolean committedOnly,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties props = new Properties();
        props.putAll(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        committedOnly ? "read_committed" : "read_uncommitted"));
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, TIMEOUT).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading topic " + topic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }
}
