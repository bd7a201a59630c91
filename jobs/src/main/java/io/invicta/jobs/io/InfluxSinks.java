package io.invicta.jobs.io;

import io.invicta.sinks.influxdb.InfluxDbSink;
import io.invicta.sinks.influxdb.InfluxDbSinkOptions;
import io.invicta.sinks.influxdb.InfluxDbTarget;
import io.invicta.sinks.influxdb.PointConverter;

import org.apache.flink.configuration.ReadableConfig;

/**
 * The jobs' InfluxDB sinks, configured by the sink's own {@link InfluxDbSinkOptions} ({@code
 * influx.*}: every sink option can be passed as {@code --influx.… value}). Secrets are referenced
 * (env var, file), never given as values.
 */
public final class InfluxSinks {

    private InfluxSinks() {}

    /**
     * The InfluxDB sink configured from every {@code influx.*} option present in {@code config}.
     */
    public static <T> InfluxDbSink<T> sink(ReadableConfig config, PointConverter<T> converter) {
        return InfluxDbSink.<T>builder()
                .database(config.get(InfluxDbSinkOptions.DATABASE))
                .configure(config)
                .converter(converter)
                .build();
    }

    /**
     * Checks, before the job starts, that the InfluxDB target of {@code config} can be written
     * ({@link InfluxDbTarget}): a setting no retry can fix fails the submission, naming it.
     */
    public static void verifyTarget(ReadableConfig config) {
        InfluxDbTarget.verify(
                InfluxDbSink.builder()
                        .database(config.get(InfluxDbSinkOptions.DATABASE))
                        .configure(config)
                        .connection(),
                config.get(InfluxDbSinkOptions.CREATE_DATABASE));
    }
}
