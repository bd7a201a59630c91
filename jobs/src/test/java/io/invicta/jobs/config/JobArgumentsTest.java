package io.invicta.jobs.config;

import io.invicta.jobs.SharedOptions;
import io.invicta.jobs.cep.CepJob;
import io.invicta.jobs.cep.CepOptions;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.mobility.MobilityJob;
import io.invicta.jobs.mobility.MobilityOptions;
import io.invicta.jobs.time.EventTimeOptions;
import io.invicta.rules.Partitioning;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;

import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobArgumentsTest {

    private static final JobOptions METRICS = SharedOptions.METRICS_JOBS;

    @TempDir Path tmp;

    private String file(String name, String yaml) throws Exception {
        return Files.writeString(tmp.resolve(name), yaml).toString();
    }

    @Test
    void aConfigFileSetsOptionsAndArgumentsOverrideIt() throws Exception {
        String file =
                file(
                        "job.yaml",
                        "# a job\nkafka.bootstrap-servers: broker:9092\nwindows.short: '5 min'\n\n"
                                + "event-time.allowed-lateness: 2 min\n");

        Configuration config =
                JobArguments.parse(
                        new String[] {"--config", file, "--event-time.allowed-lateness", "30 s"},
                        METRICS);

        assertThat(config.get(KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo("broker:9092");
        assertThat(config.get(MetricsOptions.SHORT_WINDOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.get(EventTimeOptions.ALLOWED_LATENESS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.get(MetricsOptions.LONG_WINDOW))
                .as("default")
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nestedKeysReadLikeFlatOnesAsInFlinksConfigYaml() throws Exception {
        String file =
                file(
                        "nested.yaml",
                        """
                        kafka:
                          bootstrap-servers: broker:9092
                        windows:
                          short: 5 min
                          long: 1 d
                        influx.database: city
                        """);

        Configuration config = JobArguments.parse(new String[] {"--config", file}, METRICS);

        assertThat(config.get(KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo("broker:9092");
        assertThat(config.get(MetricsOptions.SHORT_WINDOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.get(MetricsOptions.LONG_WINDOW)).isEqualTo(Duration.ofDays(1));
        assertThat(config.get(InfluxDbSinkOptions.DATABASE)).isEqualTo("city");
    }

    @Test
    void listsAndMapsAreYamlListsAndMaps() throws Exception {
        String rules = file("rules.yaml", "cep.partitions: [SENSOR, CITY]\n");
        assertThat(
                        JobArguments.parse(new String[] {"--config", rules}, CepJob.OPTIONS)
                                .get(CepOptions.PARTITIONS))
                .containsExactly(Partitioning.SENSOR, Partitioning.CITY);

        String mobility =
                file(
                        "mobility.yaml",
                        "mobility:\n  free-flow-speeds:\n    tf-1: 64\n    tf-2: 80.5\n");
        assertThat(
                        MobilityOptions.freeFlowSpeeds(
                                JobArguments.parse(
                                        new String[] {"--config", mobility}, MobilityJob.OPTIONS)))
                .isEqualTo(Map.of("tf-1", 64.0, "tf-2", 80.5));
    }

    @Test
    void aMisspeltKeyInAFileFailsTheStartNamingTheFileAndTheNearestOption() throws Exception {
        String file = file("typo.yaml", "influx.databse: city\n");

        assertThatThrownBy(() -> JobArguments.parse(new String[] {"--config", file}, METRICS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo.yaml")
                .hasMessageContaining("unknown option 'influx.databse'")
                .hasMessageContaining("did you mean 'influx.database'?")
                .hasMessageContaining("Valid options: ");
    }

    @Test
    void aMisspeltArgumentFailsTheStartToo() {
        assertThatThrownBy(
                        () ->
                                JobArguments.parse(
                                        new String[] {"--windows.shrot", "5 min"}, METRICS))
                .hasMessageContaining(
                        "unknown option 'windows.shrot' (did you mean 'windows.short'?)");
        assertThatThrownBy(
                        () ->
                                JobArguments.parse(
                                        new String[] {"--mobility.free-flow-speed", "40"}, METRICS))
                .as("an option of another job")
                .hasMessageContaining("unknown option 'mobility.free-flow-speed'");
    }

    @Test
    void aFileThatIsNotYamlIsReportedWithItsLine() throws Exception {
        String file = file("bad.yaml", "windows.short: 1 min\nwindows: [unclosed\n");

        assertThatThrownBy(() -> JobArguments.parse(new String[] {"--config", file}, METRICS))
                .hasMessageContaining("bad.yaml is not valid YAML");
    }

    @Test
    void aKeyDeclaredTwiceIsRefusedWhenTheOptionsAreGathered() {
        assertThatThrownBy(
                        () ->
                                METRICS.and(
                                        List.of(
                                                ConfigOptions.key("influx.database")
                                                        .stringType()
                                                        .defaultValue("other"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("influx.database is declared twice");
    }
}
