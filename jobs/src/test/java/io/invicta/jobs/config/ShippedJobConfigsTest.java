package io.invicta.jobs.config;

import io.invicta.jobs.airquality.AirQualityJob;
import io.invicta.jobs.cep.CepJob;
import io.invicta.jobs.mobility.MobilityJob;
import io.invicta.jobs.noise.NoiseJob;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.jobs.weather.WeatherJob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every options file shipped in flink-conf/jobs/ parses with the options of its job: a key the job
 * does not declare fails the parse (and would fail the job's start).
 */
class ShippedJobConfigsTest {

    private static final Map<String, JobOptions> JOBS =
            Map.of(
                    "air-quality.yaml",
                    AirQualityJob.OPTIONS,
                    "noise.yaml",
                    NoiseJob.OPTIONS,
                    "weather.yaml",
                    WeatherJob.OPTIONS,
                    "mobility.yaml",
                    MobilityJob.OPTIONS,
                    "cep.yaml",
                    CepJob.OPTIONS);

    @Test
    void everyShippedJobConfigParsesWithItsJobsOptions() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("..", "flink-conf", "jobs"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(JOBS.keySet());
        for (Path file : files) {
            JobOptions accepted = JOBS.get(file.getFileName().toString());
            Configuration config =
                    JobArguments.parse(new String[] {"--config", file.toString()}, accepted);
            assertThat(config.keySet()).as(file + " keys").isNotEmpty();
            // Typed reads fail on a malformed value.
            for (var option : accepted.all()) {
                config.getOptional(option);
            }
            config.get(EventTimeOptions.MAX_OUT_OF_ORDERNESS);
        }
    }

    @Test
    void theCitysSharedOptionsAreDeclaredByEveryJobAndItsJobsAreTheProducts() throws Exception {
        JsonNode city =
                new ObjectMapper(new YAMLFactory())
                        .readTree(Path.of("..", "flink-conf", "city.yaml").toFile());
        Path shared = Files.createTempFile("city-options", ".yaml");
        try {
            new ObjectMapper(new YAMLFactory()).writeValue(shared.toFile(), city.path("options"));
            for (JobOptions job : JOBS.values()) {
                Configuration config =
                        JobArguments.parse(new String[] {"--config", shared.toString()}, job);
                assertThat(config.keySet()).isNotEmpty();
            }
        } finally {
            Files.delete(shared);
        }
        Map<String, String> classes = new java.util.TreeMap<>();
        city.path("jobs")
                .forEach(j -> classes.put(j.path("config").asText(), j.path("class").asText()));
        assertThat(classes)
                .containsEntry("jobs/air-quality.yaml", AirQualityJob.class.getName())
                .containsEntry("jobs/noise.yaml", NoiseJob.class.getName())
                .containsEntry("jobs/weather.yaml", WeatherJob.class.getName())
                .containsEntry("jobs/mobility.yaml", MobilityJob.class.getName())
                .containsEntry("jobs/cep.yaml", CepJob.class.getName());
    }
}
