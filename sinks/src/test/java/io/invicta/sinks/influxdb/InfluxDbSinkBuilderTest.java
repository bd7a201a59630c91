package io.invicta.sinks.influxdb;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfluxDbSinkBuilderTest {

    private static InfluxDbSinkBuilder<InfluxPoint> valid() {
        return InfluxDbSink.<InfluxPoint>builder().database("db").converter(new Writers.Identity());
    }

    private static void rejected(
            Consumer<InfluxDbSinkBuilder<InfluxPoint>> setting, String message) {
        assertThatThrownBy(() -> setting.accept(valid()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void everyInvalidSettingIsRejectedWithAMessageNamingIt() {
        rejected(b -> b.url(null), "url must be an http:// or https:// URL");
        rejected(
                b -> b.url("localhost:8086"),
                "url must be an http:// or https:// URL, got: localhost:8086");
        rejected(b -> b.database(" "), "database must not be blank");
        rejected(b -> b.database(null), "database must not be blank");
        rejected(b -> b.precision(TimeUnit.DAYS), "precision must be one of");
        rejected(b -> b.precision(null), "precision must be one of");
        rejected(
                b -> b.passwordEnv("s3cr3t value!"),
                "passwordEnv must be the name of an environment variable");
        rejected(b -> b.passwordFile(""), "passwordFile must not be blank");
        rejected(b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be positive");
        rejected(b -> b.readTimeout(Duration.ofSeconds(-1)), "readTimeout must be positive");
        rejected(b -> b.readTimeout(null), "readTimeout must be positive");
        rejected(b -> b.batchPoints(0), "batchPoints must be at least 1, got: 0");
        rejected(b -> b.batchBytes(100), "batchBytes must be between 1 KiB and 1 GiB, got: 100");
        rejected(
                b -> b.batchBytes(MemorySize.parse("2g")),
                "batchBytes must be between 1 KiB and 1 GiB");
        rejected(b -> b.batchInterval(Duration.ZERO), "batchInterval must be positive");
        rejected(b -> b.maxInFlight(0), "maxInFlight must be between 1 and 64, got: 0");
        rejected(b -> b.maxInFlight(65), "maxInFlight must be between 1 and 64, got: 65");
        rejected(b -> b.retryInitialBackoff(Duration.ZERO), "retryInitialBackoff must be positive");
        rejected(b -> b.retryMaxBackoff(Duration.ofMillis(-5)), "retryMaxBackoff must be positive");
        rejected(
                b -> b.retryMaxTotalTime(Duration.ofSeconds(-1)),
                "retryMaxTotalTime must be zero or positive");
        rejected(b -> b.converter(null), "converter must not be null");
        rejected(b -> b.rejectedPointHandler(null), "rejectedPointHandler must not be null");
    }

    @Test
    void passwordEnvRejectionDoesNotEchoTheValueBecauseItMayBeTheSecretItself() {
        assertThatThrownBy(() -> valid().passwordEnv("hunter2 !"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void buildRequiresDatabaseAndConverterAndConsistentBackoffs() {
        assertThatThrownBy(
                        () ->
                                InfluxDbSink.<InfluxPoint>builder()
                                        .converter(new Writers.Identity())
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database is required");
        assertThatThrownBy(() -> InfluxDbSink.<InfluxPoint>builder().database("db").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("converter is required");
        assertThatThrownBy(
                        () ->
                                valid().retryInitialBackoff(Duration.ofSeconds(5))
                                        .retryMaxBackoff(Duration.ofSeconds(1))
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "retryMaxBackoff (PT1S) must not be less than retryInitialBackoff (PT5S)");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        InfluxDbSink<InfluxPoint> sink = valid().build();

        assertThat(sink.connection().url()).isEqualTo("http://localhost:8086");
        assertThat(sink.connection().precision()).isEqualTo(TimeUnit.MILLISECONDS);
        assertThat(sink.batching().points()).isEqualTo(5_000);
        assertThat(sink.batching().bytes()).isEqualTo(1 << 20);
        assertThat(sink.batching().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(sink.batching().maxInFlight()).isEqualTo(2);
        assertThat(sink.retry().maxTotalTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sink.retry().initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(sink.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(sink.connection().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(sink.connection().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sink.connection().gzip()).isFalse();
        assertThat(sink.connection().retentionPolicy()).isNull();
        assertThat(sink.connection().username()).isNull();
        assertThat(sink.connection().passwordEnv()).isEqualTo("INFLUX_PASSWORD");
    }

    @Test
    void configOverridesEveryOptionAndLeavesAbsentOnesAlone() {
        Configuration config = new Configuration();
        config.setString("influx.url", "https://influx.example:8086/");
        config.setString("influx.database", "city");
        config.setString("influx.retention-policy", "one_year");
        config.setString("influx.precision", "SECONDS");
        config.setString("influx.username", "writer");
        config.setString("influx.password-env", "CITY_TOKEN");
        config.setString("influx.password-file", "/run/secrets/influx");
        config.setString("influx.gzip", "true");
        config.setString("influx.connect-timeout", "3 s");
        config.setString("influx.read-timeout", "7 s");
        config.setString("influx.batch.points", "1000");
        config.setString("influx.batch.bytes", "256 kb");
        config.setString("influx.batch.interval", "250 ms");
        config.setString("influx.max-in-flight", "4");
        config.setString("influx.retry.initial-backoff", "50 ms");
        config.setString("influx.retry.max-backoff", "2 s");
        config.setString("influx.retry.max-total-time", "1 min");

        InfluxDbSink<InfluxPoint> sink =
                InfluxDbSink.<InfluxPoint>builder()
                        .configure(config)
                        .converter(new Writers.Identity())
                        .build();

        assertThat(sink.connection().url()).isEqualTo("https://influx.example:8086");
        assertThat(sink.connection().database()).isEqualTo("city");
        assertThat(sink.connection().retentionPolicy()).isEqualTo("one_year");
        assertThat(sink.connection().precision()).isEqualTo(TimeUnit.SECONDS);
        assertThat(sink.connection().username()).isEqualTo("writer");
        assertThat(sink.connection().passwordEnv()).isEqualTo("CITY_TOKEN");
        assertThat(sink.connection().passwordFile()).isEqualTo("/run/secrets/influx");
        assertThat(sink.connection().gzip()).isTrue();
        assertThat(sink.connection().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(sink.connection().readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(sink.batching().points()).isEqualTo(1000);
        assertThat(sink.batching().bytes()).isEqualTo(256 * 1024);
        assertThat(sink.batching().interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(sink.batching().maxInFlight()).isEqualTo(4);
        assertThat(sink.retry().initialBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(sink.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(sink.retry().maxTotalTime()).isEqualTo(Duration.ofMinutes(1));

        InfluxDbSink<InfluxPoint> partial =
                valid().batchPoints(42).configure(new Configuration()).build();
        assertThat(partial.batching().points()).isEqualTo(42);
    }

    @Test
    void invalidConfigValuesAreRejectedByTheSetters() {
        Configuration config = new Configuration();
        config.setString("influx.max-in-flight", "0");

        assertThatThrownBy(() -> valid().configure(config))
                .hasMessageContaining("maxInFlight must be between 1 and 64");
    }

    @Test
    void theSecretIsReadFromItsFileAndNeverAppearsInToString(@TempDir Path tmp) throws Exception {
        Path secret = tmp.resolve("token");
        Files.writeString(secret, "t0ps3cr3t\n");

        InfluxDbSink<InfluxPoint> sink =
                valid().username("writer").passwordFile(secret.toString()).build();

        assertThat(sink.connection().resolvePassword()).isEqualTo("t0ps3cr3t");
        assertThat(sink.toString()).doesNotContain("t0ps3cr3t").contains("<file " + secret + ">");
    }
}
