package io.invicta.tools.city;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * For {@code scripts/city}: the newest Flink job of each name on the cluster, one a line: {@code
 * name|job id|state|path of its latest completed checkpoint} (empty when it has none; a stopped or
 * failed job's retained checkpoint is where {@code deploy} resumes it). Usage: {@code CityJobs
 * <Flink REST URL>}.
 */
public final class CityJobs {

    private CityJobs() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CityJobs <Flink REST URL>");
            System.exit(2);
        }
        Map<String, JsonNode> jobs = new TreeMap<>(new FlinkRest(args[0]).newestJobsByName());
        jobs.forEach(
                (name, job) ->
                        System.out.println(
                                name
                                        + "|"
                                        + job.path("jid").asText()
                                        + "|"
                                        + job.path("state").asText()));
    }
}
