package io.invicta.jobs.common;

import io.invicta.sinks.influxdb.InfluxDbConnection;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** InfluxDB options shared by the jobs. Secrets are referenced (env var, file), never given as values. */
public final class InfluxOptions {

    public static final ConfigOption<String> URL = ConfigOptions.key("influx.url")
            .stringType().defaultValue("http://localhost:8086")
            .withDescription("InfluxDB base URL (v1 /write API; InfluxDB 2.x/3.x serve it too).");

    public static final ConfigOption<String> DATABASE = ConfigOptions.key("influx.database")
            .stringType().defaultValue("invicta")
            .withDescription("Database (1.x) or DBRP-mapped bucket (2.x) to write to.");

    public static final ConfigOption<String> USERNAME = ConfigOptions.key("influx.username")
            .stringType().noDefaultValue()
            .withDescription("User name; leave unset for an InfluxDB without authentication.");

    public static final ConfigOption<String> PASSWORD_ENV = ConfigOptions.key("influx.password-env")
            .stringType().defaultValue("INFLUX_PASSWORD")
            .withDescription("Name of the environment variable (on the task managers) holding the password or token.");

    public static final ConfigOption<String> PASSWORD_FILE = ConfigOptions.key("influx.password-file")
            .stringType().noDefaultValue()
            .withDescription("File (on the task managers) holding the password or token; wins over the env var.");

    private InfluxOptions() {
    }

    public static InfluxDbConnection connection(ReadableConfig config) {
        return new InfluxDbConnection(config.get(URL), config.get(DATABASE), config.getOptional(USERNAME).orElse(null),
                config.get(PASSWORD_ENV), config.getOptional(PASSWORD_FILE).orElse(null));
    }
}
