package io.invicta.jobs.common;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.ParameterTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns program arguments into a Configuration read through the typed options: {@code --config FILE} loads a
 * file of {@code key: value} lines (the flat form of Flink's config.yaml; # comments), and {@code --key value}
 * arguments override it. Example files: flink-conf/jobs/*.yaml.
 */
public final class JobArguments {

    public static final String CONFIG = "config";

    private JobArguments() {
    }

    public static Configuration parse(String[] args) {
        Map<String, String> arguments = ParameterTool.fromArgs(args).toMap();
        Map<String, String> merged = new HashMap<>();
        String file = arguments.get(CONFIG);
        if (file != null) {
            merged.putAll(readFile(Path.of(file)));
        }
        arguments.forEach((key, value) -> {
            if (!key.equals(CONFIG)) {
                merged.put(key, value);
            }
        });
        return Configuration.fromMap(merged);
    }

    static Map<String, String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the job config file " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'key: value', got '" + line + "'");
            }
            String value = line.substring(colon + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, colon).strip(), value);
        }
        return values;
    }
}
