package io.invicta.tools.generate;

import io.invicta.testkit.KafkaExtension;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A bounded run of scripts/generate's main class into a real broker, consumed back. */
class GenerateKafkaIT {

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @BeforeAll
    static void topics() throws Exception {
        for (EventType t : EventType.ALL) {
            KAFKA.createTopic(t.topic(), 2);
        }
    }

    @Test
    void aBoundedRunLandsOnEveryTopicKeyedByEntityIdWithTheCorruptRecordsOfTheGroundTruth(
            @TempDir Path dir) throws Exception {
        Path truth = dir.resolve("truth.jsonl");
        int exit =
                new CommandLine(new GenerateCommand())
                        .execute(
                                "--bootstrap-servers",
                                KAFKA.bootstrapServers(),
                                "--sensors",
                                "100",
                                "--vehicles",
                                "20",
                                "--start",
                                "2026-11-24T08:00:00Z",
                                "--events",
                                "30000",
                                "--seed",
                                "11",
                                "--progress",
                                "PT0S",
                                "--anomaly",
                                "corrupt:rate=0.002",
                                "--ground-truth",
                                truth.toString());
        assertThat(exit).isZero();
        long expectedCorrupt =
                Files.readAllLines(truth).stream()
                        .filter(l -> l.contains("\"type\":\"corrupt\""))
                        .count();
        assertThat(expectedCorrupt).isPositive();

        Map<EventType, Integer> perTopic = new EnumMap<>(EventType.class);
        int[] undecodable = {0};
        int[] total = {0};
        TestStreams.Decoder decoder = new TestStreams.Decoder();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG, "generate-it",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                                        ByteArrayDeserializer.class.getName(),
                                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                                        ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(Arrays.stream(EventType.ALL).map(EventType::topic).toList());
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                for (ConsumerRecord<byte[], byte[]> r :
                                        consumer.poll(Duration.ofMillis(200))) {
                                    EventType type = EventType.parse(r.topic());
                                    perTopic.merge(type, 1, Integer::sum);
                                    total[0]++;
                                    SpecificRecordBase record = decoder.decode(type, r.value());
                                    if (record == null) {
                                        undecodable[0]++;
                                        continue;
                                    }
                                    String key = new String(r.key(), StandardCharsets.UTF_8);
                                    String expectedKey =
                                            type == EventType.VEHICLE_POSITIONS
                                                    ? record.get("vehicleId").toString()
                                                    : TestStreams.id(record);
                                    assertThat(key).isEqualTo(expectedKey);
                                }
                                return total[0] >= 30000;
                            });
        }
        assertThat(total[0]).isEqualTo(30000);
        assertThat(perTopic).containsOnlyKeys(EventType.ALL);
        assertThat((long) undecodable[0]).isEqualTo(expectedCorrupt);
        // Per-topic counts equal what the same (deterministic) run produces in memory.
        GenerateCommand same = new GenerateCommand();
        new CommandLine(same)
                .parseArgs(
                        "--sensors",
                        "100",
                        "--vehicles",
                        "20",
                        "--start",
                        "2026-11-24T08:00:00Z",
                        "--events",
                        "30000",
                        "--seed",
                        "11",
                        "--anomaly",
                        "corrupt:rate=0.002");
        Map<EventType, Integer> expected = new EnumMap<>(EventType.class);
        List<TestStreams.Rec> records = TestStreams.run(same.config()).records();
        records.forEach(r -> expected.merge(r.type(), 1, Integer::sum));
        assertThat(perTopic).isEqualTo(expected);
    }
}
