package io.invicta.sinks.influxdb;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The sink's options as typed Flink {@link ConfigOption}s ({@link InfluxDbSinkBuilder#configure}
 * reads them). Secrets are never option values: the options name an environment variable or a file
 * on the task managers.
 */
public final class InfluxDbSinkOptions {

    public static final String DEFAULT_URL = "http://localhost:8086";
    public static final TimeUnit DEFAULT_PRECISION = TimeUnit.MILLISECONDS;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_DATABASE = "invicta";
    public static final int DEFAULT_BATCH_POINTS = 5_000;
    public static final MemorySize DEFAULT_BATCH_BYTES = MemorySize.ofMebiBytes(1);
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;
    public static final Duration DEFAULT_RETRY_INITIAL_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_RETRY_MAX_BACKOFF = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_MAX_TOTAL_TIME = Duration.ofMinutes(5);

    public static final ConfigOption<String> URL =
            ConfigOptions.key("influx.url")
                    .stringType()
                    .defaultValue(DEFAULT_URL)
                    .withDescription(
                            "InfluxDB base URL, http:// or https:// (v1 /write API; InfluxDB 2.x"
                                    + " and 3.x serve it too).");

    public static final ConfigOption<String> DATABASE =
            ConfigOptions.key("influx.database")
                    .stringType()
                    .defaultValue(DEFAULT_DATABASE)
                    .withDescription(
                            "Database (1.x), or the database name DBRP-mapped to a bucket"
                                    + " (2.x/3.x).");

    public static final ConfigOption<String> RETENTION_POLICY =
            ConfigOptions.key("influx.retention-policy")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Retention policy to write to; unset: the database's default.");

    public static final ConfigOption<Boolean> CREATE_DATABASE =
            ConfigOptions.key("influx.create-database")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Create influx.database at job start when it is missing (InfluxDB"
                                    + " 1.x; the user needs the admin privilege). Off: a missing"
                                    + " database fails the submission, naming it.");

    public static final ConfigOption<TimeUnit> PRECISION =
            ConfigOptions.key("influx.precision")
                    .enumType(TimeUnit.class)
                    .defaultValue(DEFAULT_PRECISION)
                    .withDescription(
                            "Timestamp precision sent to InfluxDB (NANOSECONDS … HOURS); point"
                                    + " timestamps are converted to it (truncated).");

    public static final ConfigOption<String> USERNAME =
            ConfigOptions.key("influx.username")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "User name; unset: no authentication. For InfluxDB 2.x, any name with"
                                    + " the token as password.");

    public static final ConfigOption<String> PASSWORD_ENV =
            ConfigOptions.key("influx.password-env")
                    .stringType()
                    .defaultValue("INFLUX_PASSWORD")
                    .withDescription(
                            "Environment variable on the task managers holding the password or"
                                    + " token (read when the writer opens; used only with a user"
                                    + " name).");

    public static final ConfigOption<String> PASSWORD_FILE =
            ConfigOptions.key("influx.password-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File on the task managers holding the password or token; wins over the"
                                    + " env var.");

    public static final ConfigOption<Boolean> GZIP =
            ConfigOptions.key("influx.gzip")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Compress request bodies with gzip (saves bandwidth, costs CPU).");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOptions.key("influx.connect-timeout")
                    .durationType()
                    .defaultValue(DEFAULT_CONNECT_TIMEOUT)
                    .withDescription(
                            "TCP connect timeout of a write request; a timeout is retried.");

    public static final ConfigOption<Duration> READ_TIMEOUT =
            ConfigOptions.key("influx.read-timeout")
                    .durationType()
                    .defaultValue(DEFAULT_READ_TIMEOUT)
                    .withDescription(
                            "Read (and write) timeout of a write request; a timeout is retried.");

    public static final ConfigOption<Integer> BATCH_POINTS =
            ConfigOptions.key("influx.batch.points")
                    .intType()
                    .defaultValue(DEFAULT_BATCH_POINTS)
                    .withDescription("A batch is sent when it holds this many points.");

    public static final ConfigOption<MemorySize> BATCH_BYTES =
            ConfigOptions.key("influx.batch.bytes")
                    .memoryType()
                    .defaultValue(DEFAULT_BATCH_BYTES)
                    .withDescription(
                            "A batch is sent when its line protocol reaches this size (counted in"
                                    + " characters).");

    public static final ConfigOption<Duration> BATCH_INTERVAL =
            ConfigOptions.key("influx.batch.interval")
                    .durationType()
                    .defaultValue(DEFAULT_BATCH_INTERVAL)
                    .withDescription(
                            "A non-empty batch is sent at the latest this long after its first"
                                    + " point, even if no more records come (processing time).");

    public static final ConfigOption<Integer> MAX_IN_FLIGHT =
            ConfigOptions.key("influx.max-in-flight")
                    .intType()
                    .defaultValue(DEFAULT_MAX_IN_FLIGHT)
                    .withDescription(
                            "Batches being written concurrently per writer; when reached, the"
                                    + " writer blocks (backpressure).");

    public static final ConfigOption<Duration> RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("influx.retry.initial-backoff")
                    .durationType()
                    .defaultValue(DEFAULT_RETRY_INITIAL_BACKOFF)
                    .withDescription(
                            "First wait before retrying a failed write (IO error, timeout, 5xx,"
                                    + " 429, other non-point 4xx); doubled per attempt, with full"
                                    + " jitter.");

    public static final ConfigOption<Duration> RETRY_MAX_BACKOFF =
            ConfigOptions.key("influx.retry.max-backoff")
                    .durationType()
                    .defaultValue(DEFAULT_RETRY_MAX_BACKOFF)
                    .withDescription("Upper bound of the wait between two attempts.");

    public static final ConfigOption<Duration> RETRY_MAX_TOTAL_TIME =
            ConfigOptions.key("influx.retry.max-total-time")
                    .durationType()
                    .defaultValue(DEFAULT_RETRY_MAX_TOTAL_TIME)
                    .withDescription(
                            "How long a write may keep failing before the sink gives up and fails"
                                + " the job (Flink then restarts from the last checkpoint; nothing"
                                + " is dropped).");

    private InfluxDbSinkOptions() {}
}
