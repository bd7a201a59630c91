package io.invicta.tools.city;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code scripts/city status}: one line per job of the city, for a person to read: state, uptime,
 * last completed checkpoint (age and size), how far the slowest watermark is behind the wall clock,
 * Kafka consumer lag per topic (from the offsets the job commits on each checkpoint), records read
 * and written, dead letters and late events. Exit 0 when every job runs, 3 otherwise.
 */
@Command(
        name = "city-status",
        mixinStandardHelpOptions = true,
        description = "Print the state of every job of a city file.")
public final class CityStatus implements Callable<Integer> {

    @Parameters(index = "0", description = "The city file (flink-conf/city.yaml).")
    Path cityFile;

    @Option(names = "--out", required = true, description = "Where the plan's options files go.")
    Path out;

    @Option(names = "--flink", defaultValue = "http://127.0.0.1:8081", description = "Flink REST.")
    String flink;

    @Option(
            names = "--bootstrap-servers",
            description =
                    "Kafka for the consumer lag (default: each job's kafka.bootstrap-servers).")
    String bootstrap;

    private static final String FORMAT = "%-20s %-10s %8s %-20s %8s %11s %11s %6s %6s  %s%n";

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        FlinkRest rest = new FlinkRest(flink);
        Map<String, JsonNode> jobs = rest.newestJobsByName();
        out.printf(
                FORMAT,
                "JOB",
                "STATE",
                "UPTIME",
                "CHECKPOINT",
                "WM LAG",
                "IN",
                "OUT",
                "DEAD",
                "LATE",
                "KAFKA LAG (per topic)");
        boolean allRunning = true;
        long now = System.currentTimeMillis();
        for (CityPlan.Job job : CityPlan.plan(cityFile, this.out, null)) {
            JsonNode overview = jobs.get(job.name());
            if (overview == null) {
                out.printf(FORMAT, job.name(), "ABSENT", "-", "-", "-", "-", "-", "-", "-", "-");
                allRunning = false;
                continue;
            }
            String id = overview.path("jid").asText();
            String state = overview.path("state").asText();
            allRunning &= state.equals("RUNNING");
            boolean live = state.equals("RUNNING") || state.equals("RESTARTING");
            JsonNode details = rest.get("/jobs/" + id);
            JsonNode vertices = details.path("vertices");
            Map<String, Long> counters =
                    live
                            ? rest.summedMetrics(
                                    id,
                                    vertices,
                                    m ->
                                            m.endsWith(".deadLetters")
                                                    || m.endsWith(".lateEvents")
                                                    || m.endsWith(".numRecordsSend"))
                            : Map.of();
            out.printf(
                    FORMAT,
                    job.name(),
                    state,
                    live ? duration(now - overview.path("start-time").asLong()) : "-",
                    checkpoint(rest.get("/jobs/" + id + "/checkpoints"), now),
                    live ? watermarkLag(rest, id, vertices, now) : "-",
                    count(sourceRecords(vertices)),
                    count(counters.getOrDefault("numRecordsSend", -1L)),
                    count(counters.getOrDefault("deadLetters", -1L)),
                    count(counters.getOrDefault("lateEvents", -1L)),
                    live ? kafkaLag(job) : "-");
        }
        return allRunning ? 0 : 3;
    }

    private static String checkpoint(JsonNode checkpoints, long now) {
        JsonNode latest = checkpoints.path("latest").path("completed");
        if (latest.isMissingNode() || latest.isNull()) {
            return "none yet";
        }
        long age = now - latest.path("latest_ack_timestamp").asLong();
        long size = latest.path("checkpointed_size").asLong(latest.path("state_size").asLong());
        return duration(age) + " ago, " + bytes(size);
    }

    /** How far the slowest input watermark of the non-source operators is behind now. */
    private static String watermarkLag(FlinkRest rest, String id, JsonNode vertices, long now)
            throws java.io.IOException {
        long lowest = Long.MAX_VALUE;
        for (JsonNode vertex : vertices) {
            if (vertex.path("name").asText().startsWith("Source:")) {
                continue;
            }
            for (JsonNode w :
                    rest.get(
                            "/jobs/"
                                    + id
                                    + "/vertices/"
                                    + vertex.path("id").asText()
                                    + "/watermarks")) {
                long value = (long) w.path("value").asDouble(Long.MIN_VALUE);
                if (value > Long.MIN_VALUE + 1) {
                    lowest = Math.min(lowest, value);
                }
            }
        }
        return lowest == Long.MAX_VALUE ? "no wm" : duration(now - lowest);
    }

    private String kafkaLag(CityPlan.Job job) {
        Properties props = new Properties();
        props.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap != null ? bootstrap : job.bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(job.group())
                            .partitionsToOffsetAndMetadata()
                            .get(8, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return "no offsets committed";
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(8, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            Map<String, Long> byTopic = new TreeMap<>();
            committed.forEach(
                    (tp, offset) ->
                            byTopic.merge(
                                    tp.topic(),
                                    Math.max(0, ends.getOrDefault(tp, 0L) - offset.offset()),
                                    Long::sum));
            return byTopic.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
        } catch (Exception e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static long sourceRecords(JsonNode vertices) {
        long sum = 0;
        for (JsonNode v : vertices) {
            if (v.path("name").asText().startsWith("Source:")) {
                sum += v.path("metrics").path("write-records").asLong();
            }
        }
        return sum;
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        if (d.toHours() > 0) {
            return d.toHours() + "h" + String.format("%02d", d.toMinutesPart()) + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m" + String.format("%02d", d.toSecondsPart()) + "s";
        }
        return d.toSeconds() + "." + d.toMillisPart() / 100 + "s";
    }

    private static String bytes(long n) {
        return n < 1024
                ? n + " B"
                : n < 1 << 20 ? n / 1024 + " KiB" : String.format("%.1f MiB", n / 1048576.0);
    }

    private static String count(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }

    public static void main(String[] args) {
        System.exit(
                new CommandLine(new CityStatus())
                        .setExecutionExceptionHandler(
                                (e, cmd, parsed) -> {
                                    cmd.getErr().println("city status: " + e.getMessage());
                                    return 2;
                                })
                        .execute(args));
    }
}
