package io.invicta.sinks.influxdb;

import io.invicta.testkit.InfluxDbExtension;
import io.invicta.testkit.TestPorts;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings no retry can fix, against real influxd servers (one open, one with authentication):
 * caught before a job starts, naming the setting, and, when they turn up while a job runs, failing
 * it once instead of retrying and restarting in a loop.
 */
class InfluxDbTargetIT {

    private static final String SECRET = "s3cret-Adm1n";

    @RegisterExtension static final InfluxDbExtension OPEN = new InfluxDbExtension("target_it");

    @RegisterExtension
    static final InfluxDbExtension AUTH =
            InfluxDbExtension.withAuthentication("target_auth", "admin", SECRET);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static ConnectionOptions target(
            InfluxDbExtension server, String database, String policy, String user, Path password) {
        return new ConnectionOptions(
                server.url(),
                database,
                policy,
                TimeUnit.MILLISECONDS,
                user,
                null,
                password == null ? null : password.toString(),
                false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    private static Path passwordFile(String password) throws Exception {
        Path file = Files.createTempFile("influx-password", "");
        Files.writeString(file, password);
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void aMissingDatabaseFailsNamingTheSettingUnlessTheJobMayCreateIt() {
        ConnectionOptions missing = target(OPEN, "no_such_db", null, null, null);

        assertThatThrownBy(() -> InfluxDbTarget.verify(missing, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no database 'no_such_db'")
                .hasMessageContaining("influx.database")
                .hasMessageContaining("influx.create-database")
                .hasMessageContaining(OPEN.url());

        InfluxDbTarget.verify(missing, true);
        assertThat(OPEN.query("SHOW DATABASES").toString()).contains("no_such_db");
        assertThatCode(() -> InfluxDbTarget.verify(missing, false)).doesNotThrowAnyException();
    }

    @Test
    void aMissingRetentionPolicyFailsNamingTheSetting() {
        assertThatThrownBy(
                        () ->
                                InfluxDbTarget.verify(
                                        target(OPEN, "target_it", "ten_years", null, null), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no retention policy 'ten_years'")
                .hasMessageContaining("influx.retention-policy")
                .hasMessageContaining("autogen");
        assertThatCode(
                        () ->
                                InfluxDbTarget.verify(
                                        target(OPEN, "target_it", "autogen", null, null), false))
                .doesNotThrowAnyException();
    }

    @Test
    void refusedCredentialsFailNamingTheSettingsWithoutTheSecret() throws Exception {
        Path wrong = passwordFile("not-" + SECRET);
        assertThatThrownBy(
                        () ->
                                InfluxDbTarget.verify(
                                        target(AUTH, "target_auth", null, "admin", wrong), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the credentials of user 'admin'")
                .hasMessageContaining("influx.username")
                .hasMessageContaining("influx.password-file")
                .satisfies(
                        e ->
                                assertThat(ExceptionUtils.stringifyException(e))
                                        .doesNotContain(SECRET));

        assertThatCode(
                        () ->
                                InfluxDbTarget.verify(
                                        target(
                                                AUTH,
                                                "target_auth",
                                                null,
                                                "admin",
                                                passwordFile(SECRET)),
                                        false))
                .doesNotThrowAnyException();
    }

    @Test
    void anInfluxDbThatDoesNotAnswerIsLeftToTheSinksRetries() throws Exception {
        ConnectionOptions nobody =
                new ConnectionOptions(
                        "http://127.0.0.1:" + TestPorts.free(),
                        "target_it",
                        null,
                        TimeUnit.MILLISECONDS,
                        null,
                        null,
                        null,
                        false,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2));
        assertThatCode(() -> InfluxDbTarget.verify(nobody, false)).doesNotThrowAnyException();
    }

    static final AtomicInteger OPENED = new AtomicInteger();

    @Test
    void aJobWritingToAMissingDatabaseFailsOnceWithoutRetriesOrRestarts() throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        OPENED.set(0);
        env.fromSource(
                        new DataGeneratorSource<>(i -> i, 100, Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "numbers")
                .map(new CountOpens())
                .sinkTo(
                        InfluxDbSink.<Long>builder()
                                .url(OPEN.url())
                                .database("dropped_later")
                                .retryMaxTotalTime(Duration.ofMinutes(5))
                                .converter(new InfluxDbSinkIT.NumberPoints("gone"))
                                .build());

        assertThatThrownBy(() -> env.execute("influx-target-it"))
                .satisfies(
                        e -> {
                            assertThat(
                                            ExceptionUtils.findThrowable(
                                                    e, SuppressRestartsException.class))
                                    .isPresent();
                            assertThat(ExceptionUtils.stringifyException(e))
                                    .contains("has no database 'dropped_later' (influx.database)");
                        });
        assertThat(OPENED.get()).as("the job was not restarted").isEqualTo(1);
    }

    /** Counts how often the job's tasks were opened: once, unless Flink restarted it. */
    static final class CountOpens extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void open(OpenContext context) {
            OPENED.incrementAndGet();
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }
}
