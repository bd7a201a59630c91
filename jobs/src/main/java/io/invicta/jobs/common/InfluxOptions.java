package io.invicta.jobs.common;

import io.invicta.sinks.influxdb.InfluxDbSink;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import io.invicta.sinks.influxdb.PointConverter;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/**
 * InfluxDB options of the jobs: the sink's own {@link InfluxDbSinkOptions} (same {@code influx.*} keys, so every
 * sink option can be passed as {@code --influx.… value}), with the jobs' defaults for the URL and database.
 * Secrets are referenced (env var, file), never given as values.
 */
public final class InfluxOptions {

    public static final ConfigOption<String> URL = InfluxDbSinkOptions.URL;

    public static final ConfigOption<String> DATABASE = ConfigOptions.key(InfluxDbSinkOptions.DATABASE.key())
            .stringType().defaultValue("invicta")
            .withDescription("Database (1.x) or DBRP-mapped bucket (2.x) to write to.");

    public static final ConfigOption<String> USERNAME = InfluxDbSinkOptions.USERNAME;
    public static final ConfigOption<String> PASSWORD_ENV = InfluxDbSinkOptions.PASSWORD_ENV;
    public static final ConfigOption<String> PASSWORD_FILE = InfluxDbSinkOptions.PASSWORD_FILE;

    private InfluxOptions() {
    }

    /** The InfluxDB sink configured from every {@code influx.*} option present in {@code config}. */
    public static <T> InfluxDbSink<T> sink(ReadableConfig config, PointConverter<T> converter) {
        return InfluxDbSink.<T>builder()
                .database(config.get(DATABASE))
                .configure(config)
                .converter(converter)
                .build();
    }
}
