package io.invicta.jobs.common;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobArgumentsTest {

    @TempDir
    Path tmp;

    @Test
    void aConfigFileSetsOptionsAndArgumentsOverrideIt() throws Exception {
        Path file = tmp.resolve("job.yaml");
        Files.writeString(file, "# a job\nkafka.bootstrap-servers: broker:9092\nwindows.short: '5 min'\n\n"
                + "event-time.allowed-lateness: 2 min\n");

        Configuration config = JobArguments.parse(new String[]{"--config", file.toString(),
                "--event-time.allowed-lateness", "30 s"});

        assertThat(config.get(KafkaOptions.BOOTSTRAP_SERVERS)).isEqualTo("broker:9092");
        assertThat(config.get(MetricsOptions.SHORT_WINDOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.get(EventTimeOptions.ALLOWED_LATENESS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.get(MetricsOptions.LONG_WINDOW)).as("default").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theShippedAirQualityConfigIsReadable() {
        Path shipped = Path.of("").toAbsolutePath().getParent().resolve("flink-conf/jobs/air-quality.yaml");

        Configuration config = JobArguments.parse(new String[]{"--config", shipped.toString()});

        assertThat(config.get(MetricsOptions.CITY_TIME_ZONE)).isEqualTo("Europe/Lisbon");
        assertThat(config.get(EventTimeOptions.ALLOWED_LATENESS)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aMalformedLineIsReportedWithItsLineNumber() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "windows.short: 1 min\nthis is not an option\n");

        assertThatThrownBy(() -> JobArguments.parse(new String[]{"--config", file.toString()}))
                .hasMessageContaining("bad.yaml:2");
    }
}
