package io.invicta.sinks.influxdb;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and as whom to write. Credentials are not carried in the job graph: the password (or a 2.x token) is
 * named by an environment variable and/or a file path and read on the task manager when the writer opens, so
 * it never reaches logs, the web UI or a savepoint.
 */
public final class InfluxDbConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String database;
    private final String username;
    private final String passwordEnv;
    private final String passwordFile;

    public InfluxDbConnection(String url, String database, String username, String passwordEnv, String passwordFile) {
        this.url = requireText(url, "url");
        this.database = requireText(database, "database");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("InfluxDB url must start with http:// or https://, got: " + url);
        }
        this.username = username;
        this.passwordEnv = passwordEnv;
        this.passwordFile = passwordFile;
    }

    /** No authentication: the default of a fresh InfluxDB 1.x. */
    public static InfluxDbConnection anonymous(String url, String database) {
        return new InfluxDbConnection(url, database, null, null, null);
    }

    public String url() {
        return url;
    }

    public String database() {
        return database;
    }

    public String username() {
        return username;
    }

    /** Reads the secret now; the file wins over the environment variable. Null when none is configured. */
    String resolvePassword() {
        if (passwordFile != null && !passwordFile.isBlank()) {
            try {
                return Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                // The path is not secret; the content is never printed.
                throw new UncheckedIOException("Cannot read the InfluxDB password file " + passwordFile, e);
            }
        }
        if (passwordEnv != null && !passwordEnv.isBlank()) {
            return System.getenv(passwordEnv);
        }
        return null;
    }

    @Override
    public String toString() {
        return "InfluxDbConnection{url=" + url + ", database=" + database + ", username=" + username
                + ", password=" + (passwordFile != null ? "<file>" : passwordEnv != null ? "<env " + passwordEnv + ">" : "none")
                + "}";
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
