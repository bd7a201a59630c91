package io.invicta.sinks.influxdb;

import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static io.invicta.sinks.influxdb.Checks.checkArgument;
import static io.invicta.sinks.influxdb.Checks.checkPositive;
import static io.invicta.sinks.influxdb.InfluxDbSinkOptions.*;

/**
 * Builds an {@link InfluxDbSink}. Every setter checks its argument and says what is wrong; {@link
 * #build()} checks that the database and the converter are set. Defaults are the {@code DEFAULT_*}
 * constants of {@link InfluxDbSinkOptions}; {@link #configure(ReadableConfig)} applies the options
 * present in a Flink config.
 */
public final class InfluxDbSinkBuilder<IN> {

    String url = DEFAULT_URL;
    String database;
    String retentionPolicy;
    TimeUnit precision = DEFAULT_PRECISION;
    String username;
    String passwordEnv = PASSWORD_ENV.defaultValue();
    String passwordFile;
    boolean gzip;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration readTimeout = DEFAULT_READ_TIMEOUT;
    int batchPoints = DEFAULT_BATCH_POINTS;
    long batchBytes = DEFAULT_BATCH_BYTES.getBytes();
    Duration batchInterval = DEFAULT_BATCH_INTERVAL;
    int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    Duration retryInitialBackoff = DEFAULT_RETRY_INITIAL_BACKOFF;
    Duration retryMaxBackoff = DEFAULT_RETRY_MAX_BACKOFF;
    Duration retryMaxTotalTime = DEFAULT_RETRY_MAX_TOTAL_TIME;
    PointConverter<IN> converter;
    RejectedPointHandler rejectedPointHandler = RejectedPointHandler.none();

    InfluxDbSinkBuilder() {}

    /**
     * Applies every {@link InfluxDbSinkOptions} option present in {@code config}; absent ones keep
     * their value.
     */
    public InfluxDbSinkBuilder<IN> configure(ReadableConfig config) {
        Objects.requireNonNull(config, "config must not be null");
        config.getOptional(URL).ifPresent(this::url);
        config.getOptional(DATABASE).ifPresent(this::database);
        config.getOptional(RETENTION_POLICY).ifPresent(this::retentionPolicy);
        config.getOptional(PRECISION).ifPresent(this::precision);
        config.getOptional(USERNAME).ifPresent(this::username);
        config.getOptional(PASSWORD_ENV).ifPresent(this::passwordEnv);
        config.getOptional(PASSWORD_FILE).ifPresent(this::passwordFile);
        config.getOptional(GZIP).ifPresent(this::gzip);
        config.getOptional(CONNECT_TIMEOUT).ifPresent(this::connectTimeout);
        config.getOptional(READ_TIMEOUT).ifPresent(this::readTimeout);
        config.getOptional(BATCH_POINTS).ifPresent(this::batchPoints);
        config.getOptional(BATCH_BYTES).ifPresent(size -> batchBytes(size.getBytes()));
        config.getOptional(BATCH_INTERVAL).ifPresent(this::batchInterval);
        config.getOptional(MAX_IN_FLIGHT).ifPresent(this::maxInFlight);
        config.getOptional(RETRY_INITIAL_BACKOFF).ifPresent(this::retryInitialBackoff);
        config.getOptional(RETRY_MAX_BACKOFF).ifPresent(this::retryMaxBackoff);
        config.getOptional(RETRY_MAX_TOTAL_TIME).ifPresent(this::retryMaxTotalTime);
        return this;
    }

    public InfluxDbSinkBuilder<IN> url(String url) {
        checkArgument(
                url != null
                        && (url.startsWith("http://") || url.startsWith("https://"))
                        && url.length() > 8,
                "url must be an http:// or https:// URL, got: %s",
                url);
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return this;
    }

    public InfluxDbSinkBuilder<IN> database(String database) {
        checkArgument(
                database != null && !database.isBlank(),
                "database must not be blank, got: %s",
                database);
        this.database = database;
        return this;
    }

    /** Null or blank: the database's default retention policy. */
    public InfluxDbSinkBuilder<IN> retentionPolicy(String retentionPolicy) {
        this.retentionPolicy =
                retentionPolicy == null || retentionPolicy.isBlank() ? null : retentionPolicy;
        return this;
    }

    public InfluxDbSinkBuilder<IN> precision(TimeUnit precision) {
        checkArgument(
                precision != null && precision != TimeUnit.DAYS,
                "precision must be one of NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS,"
                        + " MINUTES, HOURS, got: %s",
                precision);
        this.precision = precision;
        return this;
    }

    /** Null or blank: no authentication. */
    public InfluxDbSinkBuilder<IN> username(String username) {
        this.username = username == null || username.isBlank() ? null : username;
        return this;
    }

    /**
     * Name of the environment variable holding the password or token (not the secret itself); null:
     * none.
     */
    public InfluxDbSinkBuilder<IN> passwordEnv(String envVariable) {
        checkArgument(
                envVariable == null || envVariable.matches("[A-Za-z_][A-Za-z0-9_]*"),
                "passwordEnv must be the name of an environment variable (letters, digits, _), got:"
                        + " %s",
                envVariable == null ? null : "a value of " + envVariable.length() + " characters");
        this.passwordEnv = envVariable;
        return this;
    }

    /**
     * Path of a file holding the password or token, read when the writer opens; wins over the env
     * var.
     */
    public InfluxDbSinkBuilder<IN> passwordFile(String path) {
        checkArgument(path == null || !path.isBlank(), "passwordFile must not be blank");
        this.passwordFile = path;
        return this;
    }

    public InfluxDbSinkBuilder<IN> gzip(boolean gzip) {
        this.gzip = gzip;
        return this;
    }

    public InfluxDbSinkBuilder<IN> connectTimeout(Duration timeout) {
        checkPositive(timeout, "connectTimeout");
        this.connectTimeout = timeout;
        return this;
    }

    public InfluxDbSinkBuilder<IN> readTimeout(Duration timeout) {
        checkPositive(timeout, "readTimeout");
        this.readTimeout = timeout;
        return this;
    }

    public InfluxDbSinkBuilder<IN> batchPoints(int points) {
        checkArgument(points >= 1, "batchPoints must be at least 1, got: %s", points);
        this.batchPoints = points;
        return this;
    }

    public InfluxDbSinkBuilder<IN> batchBytes(long bytes) {
        checkArgument(
                bytes >= 1024 && bytes <= Integer.MAX_VALUE / 2,
                "batchBytes must be between 1 KiB and 1 GiB, got: %s",
                bytes);
        this.batchBytes = bytes;
        return this;
    }

    public InfluxDbSinkBuilder<IN> batchBytes(MemorySize size) {
        checkArgument(size != null, "batchBytes must not be null");
        return batchBytes(size.getBytes());
    }

    public InfluxDbSinkBuilder<IN> batchInterval(Duration interval) {
        checkPositive(interval, "batchInterval");
        this.batchInterval = interval;
        return this;
    }

    public InfluxDbSinkBuilder<IN> maxInFlight(int batches) {
        checkArgument(
                batches >= 1 && batches <= 64,
                "maxInFlight must be between 1 and 64, got: %s",
                batches);
        this.maxInFlight = batches;
        return this;
    }

    public InfluxDbSinkBuilder<IN> retryInitialBackoff(Duration backoff) {
        checkPositive(backoff, "retryInitialBackoff");
        this.retryInitialBackoff = backoff;
        return this;
    }

    public InfluxDbSinkBuilder<IN> retryMaxBackoff(Duration backoff) {
        checkPositive(backoff, "retryMaxBackoff");
        this.retryMaxBackoff = backoff;
        return this;
    }

    /**
     * How long a write may keep failing before the job fails; zero: fail on the first transient
     * error.
     */
    public InfluxDbSinkBuilder<IN> retryMaxTotalTime(Duration total) {
        checkArgument(
                total != null && !total.isNegative(),
                "retryMaxTotalTime must be zero or positive, got: %s",
                total);
        this.retryMaxTotalTime = total;
        return this;
    }

    public InfluxDbSinkBuilder<IN> converter(PointConverter<IN> converter) {
        checkArgument(converter != null, "converter must not be null");
        this.converter = converter;
        return this;
    }

    /** Dead-letter hook for points that cannot be stored; see {@link RejectedPointHandler}. */
    public InfluxDbSinkBuilder<IN> rejectedPointHandler(RejectedPointHandler handler) {
        checkArgument(
                handler != null,
                "rejectedPointHandler must not be null (use RejectedPointHandler.none())");
        this.rejectedPointHandler = handler;
        return this;
    }

    /**
     * Where the sink would write, and as whom (for checks before a job starts: {@link
     * InfluxDbTarget}).
     *
     * @throws IllegalStateException when the database is missing
     */
    public ConnectionOptions connection() {
        if (database == null) {
            throw new IllegalStateException(
                    "database is required: set database(...) or " + DATABASE.key());
        }
        return new ConnectionOptions(
                url,
                database,
                retentionPolicy,
                precision,
                username,
                passwordEnv,
                passwordFile,
                gzip,
                connectTimeout,
                readTimeout);
    }

    /**
     * The sink, its settings grouped into {@link ConnectionOptions}, {@link BatchOptions} and
     * {@link RetryOptions}.
     *
     * @throws IllegalStateException when the database or the converter is missing, or the backoffs
     *     disagree
     */
    public InfluxDbSink<IN> build() {
        ConnectionOptions connection = connection();
        if (converter == null) {
            throw new IllegalStateException("converter is required: set converter(...)");
        }
        if (retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
            throw new IllegalStateException(
                    "retryMaxBackoff ("
                            + retryMaxBackoff
                            + ") must not be less than retryInitialBackoff ("
                            + retryInitialBackoff
                            + ")");
        }
        return new InfluxDbSink<>(
                connection,
                new BatchOptions(batchPoints, batchBytes, batchInterval, maxInFlight),
                new RetryOptions(retryInitialBackoff, retryMaxBackoff, retryMaxTotalTime),
                converter,
                rejectedPointHandler);
    }
}
