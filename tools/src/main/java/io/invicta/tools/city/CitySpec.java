package io.invicta.tools.city;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The city file ({@code flink-conf/city.yaml}): which families of jobs run, at which parallelism,
 * with which shared options, where their state goes. {@link CityPlan} turns it into one submission
 * per job. Unknown keys are refused (a typo must not silently do nothing).
 *
 * @param families the families that run: environment, mobility, rules
 * @param parallelism every job's parallelism unless its own entry says otherwise
 * @param stateDir checkpoints and savepoints: a local path (relative to the repository) or a URI of
 *     a Flink file system (s3://bucket/invicta)
 * @param options options every job gets; they override each job's own options file
 * @param flink Flink configuration for every submission ({@code -Dkey=value}: checkpoint interval,
 *     restart strategy), over the cluster's
 * @param jobs every job the city knows, by name
 */
public record CitySpec(
        List<String> families,
        Integer parallelism,
        @JsonProperty("state-dir") String stateDir,
        Map<String, Object> options,
        Map<String, Object> flink,
        Map<String, JobSpec> jobs) {

    /**
     * One job.
     *
     * @param name the job's name in Flink (its {@code NAME}: how status and upgrades find it)
     * @param family environment, mobility or rules
     * @param mainClass the job's main class in the job jar
     * @param config its options file, relative to the city file
     * @param parallelism its own parallelism, if not the city's
     * @param options its own options, over the city's
     */
    public record JobSpec(
            String name,
            String family,
            @JsonProperty("class") String mainClass,
            String config,
            Integer parallelism,
            Map<String, Object> options) {}

    static CitySpec read(Path file) throws IOException {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory())
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        CitySpec spec = yaml.readValue(file.toFile(), CitySpec.class);
        if (spec.jobs() == null || spec.jobs().isEmpty()) {
            throw new IllegalArgumentException(file + ": 'jobs' lists no job");
        }
        if (spec.families() == null || spec.families().isEmpty()) {
            throw new IllegalArgumentException(file + ": 'families' names no family to run");
        }
        return spec;
    }

    /** The {@code flink} section as {@code -Dkey=value} arguments of {@code flink run}. */
    List<String> flinkArguments() {
        List<String> args = new ArrayList<>();
        if (flink != null) {
            flink.forEach((key, value) -> args.add("-D" + key + "=" + value));
        }
        return args;
    }

    Map<String, Object> sharedOptions() {
        return options == null ? Map.of() : new LinkedHashMap<>(options);
    }
}
