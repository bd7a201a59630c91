package io.invicta.tools.city;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For the chaos suite: whether the city has recovered from a fault, i.e. at least {@code jobs} jobs
 * run (the newest of each name) and each has completed a checkpoint triggered at or after {@code
 * since} (epoch ms): it restored its state and works again. Exit 0 when recovered, 1 when not
 * (saying which job is not yet), 2 on bad usage. Usage: {@code Recovered <Flink REST URL> <jobs>
 * <since epoch ms>}.
 */
public final class Recovered {

    private Recovered() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Recovered <Flink REST URL> <jobs> <since epoch ms>");
            System.exit(2);
        }
        FlinkRest flink = new FlinkRest(args[0]);
        int wanted = Integer.parseInt(args[1]);
        long since = Long.parseLong(args[2]);
        List<String> waiting = new ArrayList<>();
        int running = 0;
        for (Map.Entry<String, JsonNode> job : flink.newestJobsByName().entrySet()) {
            if (!job.getValue().path("state").asText().equals("RUNNING")) {
                continue;
            }
            running++;
            String id = job.getValue().path("jid").asText();
            long triggered =
                    flink.get("/jobs/" + id + "/checkpoints")
                            .path("latest")
                            .path("completed")
                            .path("trigger_timestamp")
                            .asLong(0);
            if (triggered < since) {
                waiting.add(job.getKey() + " (no checkpoint since the fault)");
            }
        }
        if (running < wanted) {
            waiting.add(running + " of " + wanted + " jobs running");
        }
        if (!waiting.isEmpty()) {
            System.out.println("not recovered: " + String.join(", ", waiting));
            System.exit(1);
        }
        System.out.println("recovered: " + running + " jobs run and checkpoint");
    }
}
