package io.invicta.jobs.cep;

import io.invicta.rules.EventTypes;
import io.invicta.rules.HourlyAggregator;
import io.invicta.rules.RuleFile;
import io.invicta.rules.RuleRuntime;
import io.invicta.rules.RuleSet;
import io.invicta.schemas.Alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped rule set, run by the rules job on a MiniCluster (parallelism 2) over six hours of the
 * project's generator with injected anomalies, finds each anomaly of its ground-truth file — and
 * raises the anomaly rules nowhere else.
 */
class GeneratorAnomaliesIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An injected anomaly as the generator's ground truth describes it. */
    record Truth(String type, Set<String> entities, String zone, long start, long end) {
        static Truth of(JsonNode n) {
            Set<String> ids = new HashSet<>();
            n.path("entityIds").forEach(id -> ids.add(id.asText()));
            return new Truth(
                    n.get("type").asText(),
                    ids,
                    n.path("zone").asText(null),
                    Instant.parse(n.get("start").asText()).toEpochMilli(),
                    Instant.parse(n.get("end").asText()).toEpochMilli());
        }

        /** Whether {@code alert} is this anomaly being found: the right rule, key and time. */
        boolean explains(Alert alert) {
            long t = alert.getEventTime().toEpochMilli();
            String key = alert.getPartitionKey();
            return switch (type) {
                case "pollution-episode" ->
                        Set.of("no2-three-high-readings", "eaqi-poor-hourly")
                                        .contains(alert.getRuleId())
                                && key.equals(zone)
                                && t >= start
                                && t <= end + Duration.ofHours(1).toMillis();
                case "congestion" ->
                        alert.getRuleId().equals("congestion-persisting")
                                && entities.contains(key)
                                && t >= start
                                && t <= end;
                case "silent" ->
                        alert.getRuleId().equals("sensor-silent")
                                && entities.contains(key)
                                && t >= start
                                && t <= start + Duration.ofMinutes(20).toMillis();
                case "stuck" ->
                        alert.getRuleId().equals("air-quality-sensor-stuck")
                                && entities.contains(key)
                                && t >= start + Duration.ofHours(1).toMillis()
                                && t <= end;
                default -> false;
            };
        }
    }

    private static final Set<String> ANOMALY_RULES =
            Set.of(
                    "no2-three-high-readings",
                    "eaqi-poor-hourly",
                    "congestion-persisting",
                    "sensor-silent",
                    "air-quality-sensor-stuck");

    @Test
    void everyInjectedAnomalyRaisesItsAlertAndNoAnomalyRuleFiresElsewhere(@TempDir Path dir)
            throws Exception {
        Path truthFile = dir.resolve("truth.jsonl");
        GeneratedStream stream =
                GeneratedStream.current =
                        GeneratedStream.generate(
                                dir,
                                "--sensors",
                                "400",
                                "--start",
                                "2024-05-01T06:00:00Z",
                                "--duration",
                                "PT6H",
                                "--seed",
                                "11",
                                "--anomaly",
                                "pollution-episode:at=PT1H,duration=PT1H",
                                "--anomaly",
                                "congestion:at=PT2H,duration=PT45M",
                                "--anomaly",
                                "silent:type=air-quality,at=PT3H,duration=PT30M",
                                "--anomaly",
                                "stuck:type=air-quality,at=PT4H,duration=PT1H30M",
                                "--ground-truth",
                                truthFile.toString());
        List<Truth> truths = new ArrayList<>();
        for (String line : Files.readAllLines(truthFile)) {
            truths.add(Truth.of(JSON.readTree(line)));
        }
        assertThat(truths)
                .extracting(Truth::type)
                .containsExactlyInAnyOrder("pollution-episode", "congestion", "silent", "stuck");

        int n = stream.encoded.size() / 2 * 2;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<CepEvent> events =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        new InterleavedStream(n / 2, 2),
                                        n,
                                        TypeInformation.of(CepEvent.class)),
                                WatermarkStrategy.<CepEvent>forBoundedOutOfOrderness(
                                                Duration.ofSeconds(30))
                                        .withTimestampAssigner((e, t) -> e.time),
                                "generator")
                        .filter(e -> e.type >= 0);
        RuleSetUpdate rules =
                RuleSetUpdate.of(1, RuleFile.readAll(List.of(Path.of("..", "cep-rules"))));
        List<Alert> alerts = new ArrayList<>();
        CepJob.applyRules(env, new Configuration(), rules, null, events)
                .alerts()
                .executeAndCollect()
                .forEachRemaining(alerts::add);

        for (Truth truth : truths) {
            assertThat(alerts).as("an alert for the injected " + truth).anyMatch(truth::explains);
        }
        List<Alert> unexplained =
                alerts.stream()
                        .filter(a -> ANOMALY_RULES.contains(a.getRuleId()))
                        .filter(a -> truths.stream().noneMatch(t -> t.explains(a)))
                        .toList();
        assertThat(unexplained).as("anomaly rules firing where nothing was injected").isEmpty();

        // The job (hourly forms pre-aggregated in Flink state, events released by watermark,
        // parallelism 2) raises exactly what one rule runtime raises on the same readings in the
        // job's order, with the hourly forms built in memory: the same alerts at the same instants.
        assertThat(describe(alerts))
                .containsExactlyInAnyOrderElementsOf(describe(inOneRuntime(stream, rules)));
    }

    private static List<Alert> inOneRuntime(GeneratedStream stream, RuleSetUpdate rules)
            throws Exception {
        RuleSet set = RuleSet.compile(rules.version, rules.files());
        List<SpecificRecord> ordered = new ArrayList<>(stream.decoded());
        ordered.sort(
                Comparator.comparingLong(EventTypes::eventTimeOf)
                        .thenComparingInt(r -> CepEventCodec.typeIndex(r.getClass()))
                        .thenComparing(EventTypes::idOf));
        List<Alert> alerts = new ArrayList<>();
        HourlyAggregator hourly =
                new HourlyAggregator(
                        set.modules().stream()
                                .flatMap(m -> m.eventTypes().stream())
                                .collect(Collectors.toSet()));
        try (RuleRuntime runtime =
                RuleRuntime.start(set, null, EventTypes.eventTimeOf(ordered.get(0)), alerts::add)) {
            for (SpecificRecord record : ordered) {
                hourly.send(runtime, record);
            }
            hourly.finish(runtime);
        }
        return alerts;
    }

    private static List<String> describe(List<Alert> alerts) {
        return alerts.stream()
                .map(a -> a.getRuleId() + " " + a.getPartitionKey() + " " + a.getEventTime())
                .toList();
    }
}
