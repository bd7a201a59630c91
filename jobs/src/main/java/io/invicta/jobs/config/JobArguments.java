package io.invicta.jobs.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.ParameterTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns program arguments into a Configuration read through the typed options: {@code --config
 * FILE} loads a YAML file (flat {@code a.b: value} keys or nested maps, as in Flink's own
 * config.yaml; lists and, for map options, maps as YAML), and {@code --key value} arguments
 * override it. Every key, from the file and the arguments alike, must be an option the job accepts
 * ({@link JobOptions#check}). Example files: flink-conf/jobs/*.yaml.
 */
public final class JobArguments {

    public static final String CONFIG = "config";

    private static final YAMLMapper YAML = new YAMLMapper();

    private JobArguments() {}

    public static Configuration parse(String[] args, JobOptions accepted) {
        Map<String, String> arguments = new LinkedHashMap<>(ParameterTool.fromArgs(args).toMap());
        String file = arguments.remove(CONFIG);
        Map<String, String> merged = new HashMap<>();
        if (file != null) {
            Map<String, String> fromFile = readFile(Path.of(file), accepted);
            accepted.check(fromFile.keySet(), file);
            merged.putAll(fromFile);
        }
        accepted.check(arguments.keySet(), "arguments");
        merged.putAll(arguments);
        return Configuration.fromMap(merged);
    }

    /**
     * The file's options as flat {@code key → value} strings, in the form Flink's option parsers
     * read.
     */
    static Map<String, String> readFile(Path file, JobOptions accepted) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    file
                            + " is not valid YAML: "
                            + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ")"),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the job config file " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(
                    file + ": expected a map of options, got " + root.getNodeType());
        }
        flatten("", root, accepted, values);
        return values;
    }

    private static void flatten(
            String prefix, JsonNode node, JobOptions accepted, Map<String, String> out) {
        ConfigOption<?> option = prefix.isEmpty() ? null : accepted.get(prefix);
        if (node.isObject() && (option == null || !isMapOption(option))) {
            node.fields()
                    .forEachRemaining(
                            e ->
                                    flatten(
                                            prefix.isEmpty()
                                                    ? e.getKey()
                                                    : prefix + "." + e.getKey(),
                                            e.getValue(),
                                            accepted,
                                            out));
        } else if (node.isObject()) {
            List<String> entries = new ArrayList<>();
            node.fields()
                    .forEachRemaining(e -> entries.add(e.getKey() + ":" + e.getValue().asText()));
            out.put(prefix, String.join(",", entries));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(";", items));
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    private static boolean isMapOption(ConfigOption<?> option) {
        // Flink keeps the option type private; map options declare a map default (at least an empty
        // one).
        return option.defaultValue() instanceof Map<?, ?>;
    }
}
