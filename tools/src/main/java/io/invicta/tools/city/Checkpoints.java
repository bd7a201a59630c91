package io.invicta.tools.city;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * For the chaos suite: the checkpoints completed and failed so far, summed over the cluster's
 * running jobs, printed as {@code <completed> <failed>}. Exit 2 on bad usage. Usage: {@code
 * Checkpoints <Flink REST URL>}.
 */
public final class Checkpoints {

    private Checkpoints() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Checkpoints <Flink REST URL>");
            System.exit(2);
        }
        FlinkRest flink = new FlinkRest(args[0]);
        long completed = 0;
        long failed = 0;
        for (JsonNode job : flink.get("/jobs/overview").path("jobs")) {
            if (!job.path("state").asText().equals("RUNNING")) {
                continue;
            }
            JsonNode counts =
                    flink.get("/jobs/" + job.path("jid").asText() + "/checkpoints").path("counts");
            completed += counts.path("completed").asLong(0);
            failed += counts.path("failed").asLong(0);
        }
        System.out.println(completed + " " + failed);
    }
}
