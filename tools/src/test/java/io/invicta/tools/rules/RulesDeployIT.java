package io.invicta.tools.rules;

import io.invicta.rules.RuleSetMessage;
import io.invicta.testkit.KafkaExtension;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/rules deploy against a real in-JVM broker. */
class RulesDeployIT {

    @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

    @Test
    void deployCreatesTheCompactedTopicAndPublishesOneVersionedRecordPerRun() throws Exception {
        RulesCommandTest.Run first =
                RulesCommandTest.run(
                        "deploy",
                        "--bootstrap-servers",
                        KAFKA.bootstrapServers(),
                        "--topic",
                        "rules-a",
                        RulesCommandTest.SHIPPED.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("created compacted topic rules-a", "deployed rule set 'city' version 1");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "rules-a");
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }

        RulesCommandTest.Run second =
                RulesCommandTest.run(
                        "deploy",
                        "--bootstrap-servers",
                        KAFKA.bootstrapServers(),
                        "--topic",
                        "rules-a",
                        RulesCommandTest.SHIPPED.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("created").contains("version 2");

        List<ConsumerRecord<String, byte[]>> records =
                KAFKA.consume("rules-a", 2, Duration.ofSeconds(30));
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo("city"));
        RuleSetMessage latest = RuleSetMessage.decode(records.get(1).value());
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.files())
                .extracting(f -> f.name())
                .contains("air-quality.epl", "vehicles.epl")
                .allSatisfy(name -> assertThat(name).doesNotContain("/"));
        assertThat(latest.compile().rules()).isNotEmpty();
    }

    @Test
    void anExplicitVersionIsPublishedAsIs() throws Exception {
        RulesCommandTest.Run run =
                RulesCommandTest.run(
                        "deploy",
                        "--bootstrap-servers",
                        KAFKA.bootstrapServers(),
                        "--topic",
                        "rules-b",
                        "--name",
                        "porto",
                        "--version",
                        "42",
                        RulesCommandTest.SHIPPED.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<ConsumerRecord<String, byte[]>> records =
                KAFKA.consume("rules-b", 1, Duration.ofSeconds(30));
        assertThat(records)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.key()).isEqualTo("porto");
                            assertThat(RuleSetMessage.decode(r.value()).version()).isEqualTo(42);
                        });
    }

    @Test
    void aRuleSetThatDoesNotCheckIsNotPublished(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.epl"), "select zone frm AirQualityObserved;");
        RulesCommandTest.Run run =
                RulesCommandTest.run(
                        "deploy",
                        "--bootstrap-servers",
                        KAFKA.bootstrapServers(),
                        "--topic",
                        "rules-c",
                        dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("bad.epl:1:17:", "nothing deployed");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain("rules-c");
        }
    }
}
