package io.invicta.tools.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A measurement catalogue: InfluxDB measurements with their tags and typed fields. {@code
 * docs/measurements.yaml} lists every measurement the jobs write; {@code
 * docs/pipeline-metrics.yaml} the Flink metrics (Invicta's own and Flink's) that dashboards may
 * use, out of the many the metrics reporter writes. What the jobs and the reporter write and what
 * dashboards query are checked against them.
 *
 * @param complete whether the database holds nothing but what is listed (null: true)
 * @param measurements by name
 */
public record Catalogue(Boolean complete, Map<String, Measurement> measurements) {

    /** Where the repository keeps the city's catalogue. */
    public static final Path SHIPPED = Path.of("docs", "measurements.yaml");

    /** Where the repository keeps the pipeline metrics' catalogue. */
    public static final Path PIPELINE = Path.of("docs", "pipeline-metrics.yaml");

    /** A complete catalogue of these measurements. */
    public Catalogue(Map<String, Measurement> measurements) {
        this(true, measurements);
    }

    /** Whether a measurement, tag or field the catalogue does not list is a mistake. */
    public boolean isComplete() {
        return !Boolean.FALSE.equals(complete);
    }

    /** InfluxDB's field types. */
    static final Set<String> TYPES = Set.of("float", "integer", "string", "boolean");

    /**
     * One measurement.
     *
     * @param job the job that writes it ({@code any}: every metrics job)
     * @param window its window and timestamp
     * @param tags tag → what it holds ("(optional)" at the end: not on every point)
     * @param fields field → type, unit, whether every point has it
     */
    public record Measurement(
            String job, String window, Map<String, String> tags, Map<String, Field> fields) {

        public boolean optionalTag(String tag) {
            String about = tags.get(tag);
            return about != null && about.endsWith("(optional)");
        }
    }

    /** A field: its InfluxDB type, unit, and whether some points lack it. */
    public record Field(String type, String unit, Boolean optional) {
        public boolean isOptional() {
            return Boolean.TRUE.equals(optional);
        }
    }

    public static Catalogue read(Path file) throws IOException {
        Catalogue c =
                new ObjectMapper(new YAMLFactory())
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(file.toFile(), Catalogue.class);
        if (c.measurements() == null || c.measurements().isEmpty()) {
            throw new IllegalArgumentException(file + ": no measurement");
        }
        c.measurements()
                .forEach(
                        (name, m) -> {
                            if (m.fields() == null || m.fields().isEmpty()) {
                                throw new IllegalArgumentException(
                                        file + ": " + name + " has no field");
                            }
                            m.fields()
                                    .forEach(
                                            (field, f) -> {
                                                if (!TYPES.contains(f.type())) {
                                                    throw new IllegalArgumentException(
                                                            file
                                                                    + ": "
                                                                    + name
                                                                    + "."
                                                                    + field
                                                                    + ": type '"
                                                                    + f.type()
                                                                    + "' is none of "
                                                                    + TYPES);
                                                }
                                            });
                        });
        return new Catalogue(c.isComplete(), new TreeMap<>(c.measurements()));
    }

    /**
     * What a database holds of one measurement, as InfluxDB describes it: tag keys, and field keys
     * with their types.
     */
    public record Written(Set<String> tags, Map<String, String> fields) {}
}
