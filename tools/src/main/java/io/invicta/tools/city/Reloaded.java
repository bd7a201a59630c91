package io.invicta.tools.city;

import io.invicta.rules.Partitioning;
import io.invicta.tools.kafka.WholeTopic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * For the chaos suite's hot reload: whether every rule operator instance of the rules job runs
 * rule-set {@code version}, from the rule-status topic (the newest status per instance) and the
 * job's graph (how many instances there are). When all report it {@code ACTIVE}, prints {@code
 * reloaded <ms>}: the newest event time any of them had released when it switched (the alerts after
 * it are the new version's, warmed windows included); exit 0. Exit 1 while some are still to
 * report, 3 when an instance rejected the version, 2 on bad usage. Usage: {@code Reloaded <Flink
 * REST URL> <bootstrap servers> <rule-status topic> <version>}.
 */
public final class Reloaded {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rule operators' vertices: {@code cep-<partition>}, chained operators after it. */
    private static final Pattern RULE_OPERATOR =
            Pattern.compile(
                    Arrays.stream(Partitioning.values())
                            .map(Partitioning::tagValue)
                            .collect(Collectors.joining("|", "^cep-(", ")( .*)?$")));

    private Reloaded() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println(
                    "usage: Reloaded <Flink REST URL> <bootstrap servers> <rule-status topic>"
                            + " <version>");
            System.exit(2);
        }
        int version = Integer.parseInt(args[3]);
        int instances = ruleOperatorInstances(new FlinkRest(args[0]));
        Map<String, JsonNode> latest = latestStatuses(args[1], args[2]);
        int active = 0;
        long released = Long.MIN_VALUE;
        for (JsonNode status : latest.values()) {
            if (status.path("version").asInt() != version) {
                continue;
            }
            if (status.path("status").asText().equals("REJECTED")) {
                System.out.println("rejected: " + status);
                System.exit(3);
            }
            active++;
            if (status.path("releasedUpTo").isNumber()) {
                released = Math.max(released, status.path("releasedUpTo").asLong());
            }
        }
        if (instances == 0 || active < instances) {
            System.out.println(
                    "not reloaded: "
                            + active
                            + " of "
                            + instances
                            + " rule operators run v"
                            + version);
            System.exit(1);
        }
        System.out.println("reloaded " + released);
    }

    /** The summed parallelism of the rule operators of the newest rules job. */
    private static int ruleOperatorInstances(FlinkRest flink) throws Exception {
        JsonNode job = flink.newestJobsByName().get("invicta-cep");
        if (job == null || !job.path("state").asText().equals("RUNNING")) {
            return 0;
        }
        int instances = 0;
        for (JsonNode vertex : flink.get("/jobs/" + job.path("jid").asText()).path("vertices")) {
            if (RULE_OPERATOR.matcher(vertex.path("name").asText()).matches()) {
                instances += vertex.path("parallelism").asInt();
            }
        }
        return instances;
    }

    /** The newest status of each operator instance (the record key), from the whole topic. */
    private static Map<String, JsonNode> latestStatuses(String bootstrap, String topic) {
        Map<String, JsonNode> latest = new HashMap<>();
        WholeTopic.read(
                bootstrap,
                topic,
                false,
                r -> {
                    try {
                        latest.put(
                                new String(r.key(), StandardCharsets.UTF_8),
                                JSON.readTree(r.value()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(
                                topic + "@" + r.offset() + " is no rule status", e);
                    }
                });
        return latest;
    }
}
