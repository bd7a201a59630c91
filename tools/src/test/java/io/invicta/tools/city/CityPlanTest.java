package io.invicta.tools.city;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CityPlanTest {

    @TempDir Path dir;

    private Path city(String text) throws Exception {
        Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(
                dir.resolve("jobs/aq.yaml"),
                "kafka.bootstrap-servers: localhost:9092\n"
                        + "windows.short: 1 min\n"
                        + "zones.geohash-precision: 5\n");
        Files.writeString(dir.resolve("jobs/cep.yaml"), "topic.alerts: alerts\n");
        return Files.writeString(dir.resolve("city.yaml"), text);
    }

    private static final String JOBS =
            "jobs:\n"
                    + "  air-quality: {name: invicta-air-quality, family: environment,"
                    + " class: a.AirQualityJob, config: jobs/aq.yaml}\n"
                    + "  rules: {name: invicta-cep, family: rules, class: a.CepJob, config:"
                    + " jobs/cep.yaml, parallelism: 1, options: {kafka.group-id: alerts-1}}\n";

    @Test
    void theJobsOfTheFamiliesThatRunGetTheirFileThenTheSharedOptionsThenTheirOwn()
            throws Exception {
        Path file =
                city(
                        "families: [environment, rules]\nparallelism: 2\n"
                                + "options: {zones.geohash-precision: 7}\n"
                                + JOBS);

        List<CityPlan.Job> jobs = CityPlan.plan(file, dir.resolve("out"), null);

        assertThat(jobs)
                .extracting(CityPlan.Job::line)
                .containsExactly(
                        "invicta-air-quality|a.AirQualityJob|2|"
                                + dir.resolve("out/air-quality.yaml").toAbsolutePath()
                                + "|invicta-air-quality|localhost:9092",
                        "invicta-cep|a.CepJob|1|"
                                + dir.resolve("out/rules.yaml").toAbsolutePath()
                                + "|alerts-1|localhost:9092");
        @SuppressWarnings("unchecked")
        Map<String, Object> aq =
                new ObjectMapper(new YAMLFactory())
                        .readValue(dir.resolve("out/air-quality.yaml").toFile(), Map.class);
        assertThat(aq)
                .containsEntry("windows.short", "1 min")
                .containsEntry("zones.geohash-precision", 7);
    }

    @Test
    void theFlinkSectionBecomesAnArgumentALineForEverySubmission() throws Exception {
        Path file =
                city(
                        "families: [rules]\n"
                                + "flink: {execution.checkpointing.interval: 2 s,"
                                + " restart-strategy.type: exponential-delay}\n"
                                + JOBS);
        Path out = dir.resolve("out");

        CityPlan.plan(file, out, null);

        assertThat(Files.readAllLines(out.resolve(CityPlan.FLINK_ARGUMENTS)))
                .containsExactly(
                        "-Dexecution.checkpointing.interval=2 s",
                        "-Drestart-strategy.type=exponential-delay");
        CityPlan.plan(city("families: [rules]\n" + JOBS), out, null);
        assertThat(Files.readAllLines(out.resolve(CityPlan.FLINK_ARGUMENTS)))
                .as("a city without the section: none")
                .isEmpty();
    }

    @Test
    void aFamilyLeftOutRunsNothingAndARescaleSetsEveryParallelism() throws Exception {
        Path file = city("families: [rules]\nparallelism: 2\n" + JOBS);

        assertThat(CityPlan.plan(file, dir.resolve("out"), 3))
                .extracting(CityPlan.Job::name, CityPlan.Job::parallelism)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invicta-cep", 3));
    }

    @Test
    void mistakesAreRefusedBeforeAnythingIsSubmitted() throws Exception {
        assertThatThrownBy(() -> CityPlan.plan(city("families: [transport]\n" + JOBS), dir, null))
                .hasMessageContaining("unknown family 'transport'");
        assertThatThrownBy(
                        () ->
                                CityPlan.plan(
                                        city("families: [rules]\nparalelism: 2\n" + JOBS),
                                        dir,
                                        null))
                .hasMessageContaining("paralelism");
        assertThatThrownBy(
                        () ->
                                CityPlan.plan(
                                        city(
                                                "families: [rules]\n"
                                                        + JOBS.replace(
                                                                "jobs/cep.yaml", "jobs/none.yaml")),
                                        dir,
                                        null))
                .hasMessageContaining("cannot read");
    }

    @Test
    void theShippedCityFileNamesEveryJobOfTheProduct() throws Exception {
        Path shipped = Path.of("..", "flink-conf", "city.yaml");
        assertThat(CityPlan.plan(shipped, dir.resolve("out"), null))
                .extracting(CityPlan.Job::name)
                .containsExactlyInAnyOrder(
                        "invicta-air-quality",
                        "invicta-noise",
                        "invicta-weather",
                        "invicta-mobility",
                        "invicta-cep");
    }
}
