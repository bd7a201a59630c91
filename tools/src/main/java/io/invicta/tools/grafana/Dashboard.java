package io.invicta.tools.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the checks need of a Grafana dashboard JSON file: its panels with their queries, its
 * template variables and its annotation queries, each with the datasource uid it names.
 *
 * @param text the file as written, for checks on the text itself
 */
public record Dashboard(
        Path file,
        String uid,
        String title,
        String text,
        List<Panel> panels,
        List<Variable> variables,
        List<Query> annotations) {

    /**
     * A panel (rows included: they have no query); {@code timeFrom}: its own relative time range
     * (e.g. {@code 1y}), or null.
     */
    public record Panel(
            int id,
            String type,
            String title,
            String datasource,
            List<Query> queries,
            String timeFrom) {}

    /** An InfluxQL query and the uid of the datasource it runs on. */
    public record Query(String refId, String datasource, String text) {}

    /** A template variable: its name, and its query ({@code null} for constants). */
    public record Variable(String name, String datasource, String query, String current) {}

    public static Dashboard read(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode root = new ObjectMapper().readTree(text);
        List<Panel> panels = new ArrayList<>();
        for (JsonNode p : root.path("panels")) {
            addPanel(p, panels);
        }
        List<Variable> variables = new ArrayList<>();
        for (JsonNode v : root.path("templating").path("list")) {
            JsonNode query = v.path("query");
            variables.add(
                    new Variable(
                            v.path("name").asText(),
                            uid(v),
                            query.isTextual() ? query.asText() : query.path("query").asText(null),
                            v.path("current").path("value").asText(null)));
        }
        List<Query> annotations = new ArrayList<>();
        for (JsonNode a : root.path("annotations").path("list")) {
            if (a.hasNonNull("query")) {
                annotations.add(
                        new Query(a.path("name").asText(), uid(a), a.path("query").asText()));
            }
        }
        return new Dashboard(
                file,
                root.path("uid").asText(null),
                root.path("title").asText(null),
                text,
                panels,
                variables,
                annotations);
    }

    private static void addPanel(JsonNode p, List<Panel> panels) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode t : p.path("targets")) {
            String ds = t.has("datasource") ? uid(t) : uid(p);
            queries.add(new Query(t.path("refId").asText(), ds, t.path("query").asText(null)));
        }
        panels.add(
                new Panel(
                        p.path("id").asInt(-1),
                        p.path("type").asText(),
                        p.path("title").asText(),
                        uid(p),
                        queries,
                        p.path("timeFrom").asText(null)));
        for (JsonNode nested : p.path("panels")) { // a collapsed row holds its panels
            addPanel(nested, panels);
        }
    }

    /** The datasource uid an element names, or null when it names none. */
    private static String uid(JsonNode element) {
        JsonNode ds = element.path("datasource");
        return ds.isObject() ? ds.path("uid").asText(null) : ds.isTextual() ? ds.asText() : null;
    }
}
