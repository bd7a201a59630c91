package io.invicta.tools.topics;

import io.invicta.schemas.Topics;
import io.invicta.testkit.KafkaExtension;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/topics create and reset against a real in-JVM broker. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicAdminIT {

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @Test
    @Order(1)
    void createMakesEveryCataloguedTopicStreamsWithTheAskedPartitionsAndTablesCompacted()
            throws Exception {
        assertThat(run("create", "--partitions", "3")).isZero();

        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(names(Topics.all())).allTopicNames().get();
            assertThat(topics).containsOnlyKeys(names(Topics.all()));
            for (Topics.Topic topic : Topics.all()) {
                assertThat(topics.get(topic.name()).partitions())
                        .as(topic.name())
                        .hasSize(topic.compacted() ? 1 : 3);
            }
            ConfigResource rules = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RULES_NAME);
            Config config = admin.describeConfigs(List.of(rules)).all().get().get(rules);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
        // Existing topics are left as they are.
        assertThat(run("create", "--partitions", "3")).isZero();
    }

    @Test
    @Order(2)
    void resetEmptiesTheNamedTopicsAndLeavesTheOthersTheirRecords() throws Exception {
        KAFKA.send(
                List.of(
                        new ProducerRecord<>("air-quality", "s1", new byte[] {1}),
                        new ProducerRecord<>("noise", "s2", new byte[] {2}),
                        new ProducerRecord<>("weather", "s3", new byte[] {3})));
        assertThat(records("air-quality") + records("noise") + records("weather")).isEqualTo(3);

        assertThat(run("reset", "--partitions", "2", "air-quality", "noise")).isZero();

        assertThat(records("air-quality")).isZero();
        assertThat(records("noise")).isZero();
        assertThat(records("weather")).isEqualTo(1);
        try (Admin admin = admin()) {
            assertThat(
                            admin.describeTopics(List.of("air-quality"))
                                    .allTopicNames()
                                    .get()
                                    .get("air-quality")
                                    .partitions())
                    .hasSize(2);
        }
    }

    @Test
    @Order(3)
    void resetRefusesANameOutsideTheCatalogueAndTouchesNothing() throws Exception {
        assertThat(run("reset", "weather", "not-a-topic")).isEqualTo(2);
        assertThat(records("weather")).isEqualTo(1);
    }

    /** Records a topic holds: the sum of its partitions' end offsets minus start offsets. */
    private static long records(String topic) throws Exception {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions =
                    admin
                            .describeTopics(List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions()
                            .stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            long end = offsets(admin, partitions, OffsetSpec.latest());
            long start = offsets(admin, partitions, OffsetSpec.earliest());
            return end - start;
        }
    }

    private static long offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        return admin.listOffsets(request).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    private static List<String> names(List<Topics.Topic> topics) {
        return topics.stream().map(Topics.Topic::name).toList();
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()));
    }

    private static int run(String action, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = action;
        all[1] = "--bootstrap-servers";
        all[2] = KAFKA.bootstrapServers();
        System.arraycopy(args, 0, all, 3, args.length);
        CommandLine cli = new CommandLine(new TopicAdmin());
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(all);
    }
}
