package io.invicta.jobs.config;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.cep.CepJob;
import io.invicta.jobs.mobility.MobilityJob;
import io.invicta.jobs.noise.NoiseJob;
import io.invicta.jobs.weather.WeatherJob;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option tables of README.md and docs/ against the {@code ConfigOption} declarations: every key
 * a table names is an option of some job, a default written as a value ({@code `1 min`}) equals the
 * declared default, and every declared option is in some table. A renamed option or a changed
 * default cannot leave the docs behind.
 */
class OptionTablesTest {

    private static final List<JobOptions> JOBS =
            List.of(
                    AirQualityJob.OPTIONS,
                    NoiseJob.OPTIONS,
                    WeatherJob.OPTIONS,
                    MobilityJob.OPTIONS,
                    CepJob.OPTIONS);
    private static final Pattern KEY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9<>-]+)+)`");
    private static final Pattern VALUE = Pattern.compile("^`([^`]*)`$");

    /** A table row naming one option: the file and line, the key and its default cell. */
    private record Row(String where, String key, String defaultCell) {}

    @Test
    void everyDocumentedOptionExistsWithItsDefaultAndEveryOptionIsDocumented() throws Exception {
        Map<String, ConfigOption<?>> declared = new HashMap<>();
        JOBS.forEach(job -> job.all().forEach(o -> declared.put(o.key(), o)));
        List<Row> rows = rows();
        assertThat(rows).isNotEmpty();
        Set<String> documented = new HashSet<>();
        for (Row row : rows) {
            assertThat(declared)
                    .as(row.where() + ": no job declares " + row.key())
                    .containsKey(row.key());
            documented.add(row.key());
            Matcher value = VALUE.matcher(row.defaultCell());
            ConfigOption<?> option = declared.get(row.key());
            if (value.matches()) {
                Object written =
                        Configuration.fromMap(Map.of(row.key(), value.group(1))).get(option);
                assertThat(written)
                        .as(row.where() + ": default of " + row.key())
                        .isEqualTo(option.defaultValue());
            } else if (row.defaultCell().startsWith("none")) {
                assertThat(option.hasDefaultValue())
                        .as(row.where() + ": " + row.key() + " has a default")
                        .isFalse();
            }
        }
        assertThat(declared.keySet())
                .as("options in no table of README.md or docs/")
                .allSatisfy(key -> assertThat(documented).contains(key));
    }

    /**
     * Rows of tables whose header starts with "option" or "key", one per single option key in the
     * first cell.
     */
    private static List<Row> rows() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("..", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            boolean inOptions = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("|")) {
                    inOptions = false;
                    continue;
                }
                String[] cells = line.substring(1).split("\\|");
                String first = cells[0].strip();
                if (first.equalsIgnoreCase("option") || first.equalsIgnoreCase("key")) {
                    inOptions = true;
                    continue;
                }
                if (!inOptions || cells.length < 2) {
                    continue;
                }
                Matcher keys = KEY.matcher(first);
                List<String> found = new ArrayList<>();
                while (keys.find()) {
                    found.add(keys.group(1));
                }
                String where = file.getFileName() + ":" + (i + 1);
                if (found.size() == 1 && !first.contains("<")) {
                    rows.add(new Row(where, found.get(0), cells[1].strip()));
                } else {
                    found.stream()
                            .filter(k -> !k.contains("<"))
                            .forEach(k -> rows.add(new Row(where, k, "")));
                }
            }
        }
        return rows;
    }
}
