package io.invicta.tools.city;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The few Flink REST calls the city status needs (JDK HTTP client, Jackson). */
final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FlinkRest(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    JsonNode get(String path) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + base + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** The newest job of each name: name → its overview entry. */
    Map<String, JsonNode> newestJobsByName() throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            String name = job.path("name").asText();
            JsonNode seen = byName.get(name);
            if (seen == null
                    || job.path("start-time").asLong() > seen.path("start-time").asLong()) {
                byName.put(name, job);
            }
        }
        return byName;
    }

    /**
     * The sum over every vertex and subtask of the job's metrics whose id matches {@code wanted}
     * (e.g. ids ending with {@code .deadLetters}), by id suffix after the last dot.
     */
    Map<String, Long> summedMetrics(String jobId, JsonNode vertices, Predicate<String> wanted)
            throws IOException {
        Map<String, Long> sums = new HashMap<>();
        for (JsonNode vertex : vertices) {
            String prefix = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText();
            List<String> ids = new ArrayList<>();
            for (JsonNode m : get(prefix + "/subtasks/metrics")) {
                String id = m.path("id").asText();
                if (wanted.test(id)) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            String query = URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8);
            for (JsonNode m : get(prefix + "/subtasks/metrics?agg=sum&get=" + query)) {
                String id = m.path("id").asText();
                String name = id.substring(id.lastIndexOf('.') + 1);
                sums.merge(name, Math.round(m.path("sum").asDouble()), Long::sum);
            }
        }
        return sums;
    }
}
