package io.invicta.tools.influx;

import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The InfluxDB connection every tool that reads InfluxDB shares. Credentials as the jobs take them:
 * the user by option or {@code INFLUX_USERNAME}, the password never on the command line (a file,
 * else the environment variable {@code INFLUX_PASSWORD}), so it stays out of process lists and
 * shell history. The sink's {@code ConnectionOptions} reads a password the same way; the tools do
 * not depend on the sink module, which would bring Flink into their jar, for those few lines.
 */
public final class InfluxMixin {

    @Option(
            names = {"--influx", "--influx-url"},
            defaultValue = "http://127.0.0.1:8086",
            description = "InfluxDB URL (default: ${DEFAULT-VALUE}).")
    public String url;

    @Option(
            names = "--influx-username",
            defaultValue = "${env:INFLUX_USERNAME}",
            description = "InfluxDB user, when authentication is on (default: $INFLUX_USERNAME).")
    String username;

    @Option(
            names = "--influx-password-file",
            description = "File holding the password (default: $INFLUX_PASSWORD).")
    Path passwordFile;

    /** A client of {@link #url}, authenticated when a user is given. */
    public InfluxDB connect() {
        if (username == null || username.isBlank()) {
            return InfluxDBFactory.connect(url);
        }
        return InfluxDBFactory.connect(url, username, password());
    }

    private String password() {
        if (passwordFile != null) {
            try {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + passwordFile, e);
            }
        }
        String password = System.getenv("INFLUX_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException(
                    "--influx-username "
                            + username
                            + " needs a password: set INFLUX_PASSWORD or --influx-password-file");
        }
        return password;
    }
}
