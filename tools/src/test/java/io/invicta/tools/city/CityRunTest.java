package io.invicta.tools.city;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CityRunTest {

    private static final Path SHIPPED = Path.of("..", "flink-conf", "city.yaml");

    @TempDir Path dir;

    @Test
    void aRunOfTheShippedCityHasEveryJobInItsOwnGroupWithTheRunsOptionsOnTop() throws Exception {
        Path file = dir.resolve("city-x.yaml");
        int exit =
                new CommandLine(new CityRun())
                        .execute(
                                SHIPPED.toString(),
                                "--out",
                                file.toString(),
                                "--run",
                                "x",
                                "--state-dir",
                                dir.resolve("state").toString(),
                                "--option",
                                "influx.database=x",
                                "--job-option",
                                "rules:topic.alerts=alerts-x",
                                "--flink",
                                "execution.checkpointing.interval=3 s");
        assertThat(exit).isZero();

        List<CityPlan.Job> shipped = CityPlan.plan(SHIPPED, dir.resolve("shipped"), null);
        List<CityPlan.Job> jobs = CityPlan.plan(file, dir.resolve("options"), null);
        assertThat(jobs)
                .extracting(CityPlan.Job::name)
                .containsExactlyElementsOf(shipped.stream().map(CityPlan.Job::name).toList());
        assertThat(jobs)
                .extracting(CityPlan.Job::group)
                .containsExactly("x-air-quality", "x-mobility", "x-noise", "x-rules", "x-weather");
        for (CityPlan.Job job : jobs) {
            String options = Files.readString(job.options());
            assertThat(options).as(job.name()).contains("influx.database: \"x\"");
            // The shipped options file of the job is still read under the run's options.
            assertThat(options).as(job.name()).contains("kafka.bootstrap-servers");
            assertThat(options.contains("topic.alerts: \"alerts-x\""))
                    .as(job.name())
                    .isEqualTo(job.name().equals("invicta-cep"));
        }
        assertThat(CitySpec.read(file).stateDir()).isEqualTo(dir.resolve("state").toString());
        assertThat(Files.readAllLines(dir.resolve("options").resolve(CityPlan.FLINK_ARGUMENTS)))
                .contains("-Dexecution.checkpointing.interval=3 s");
    }

    @Test
    void anOptionForAJobTheCityDoesNotHaveIsRefused() {
        int exit =
                new CommandLine(new CityRun())
                        .setExecutionExceptionHandler((e, cmd, parsed) -> 2)
                        .execute(
                                SHIPPED.toString(),
                                "--out",
                                dir.resolve("c.yaml").toString(),
                                "--run",
                                "x",
                                "--job-option",
                                "cep:topic.alerts=a");
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("c.yaml")).doesNotExist();
    }
}
