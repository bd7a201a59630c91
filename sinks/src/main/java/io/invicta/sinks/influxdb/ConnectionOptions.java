package io.invicta.sinks.influxdb;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.invicta.sinks.influxdb.Checks.checkArgument;
import static io.invicta.sinks.influxdb.Checks.checkPositive;

/**
 * Where and how the sink connects: the server, database and retention policy, the timestamp
 * precision, the credentials (referenced, never held: the password is read from an environment
 * variable or a file on the task manager), compression and timeouts. Immutable and validated; its
 * {@link #toString} never shows a secret.
 *
 * @param retentionPolicy null: the database's default
 * @param username null: no authentication
 * @param passwordEnv the environment variable holding the password or token; null: none
 * @param passwordFile a file holding it, read when the writer opens; wins over the environment
 *     variable
 */
public record ConnectionOptions(
        String url,
        String database,
        String retentionPolicy,
        TimeUnit precision,
        String username,
        String passwordEnv,
        String passwordFile,
        boolean gzip,
        Duration connectTimeout,
        Duration readTimeout)
        implements Serializable {

    public ConnectionOptions {
        checkArgument(
                url != null
                        && (url.startsWith("http://") || url.startsWith("https://"))
                        && url.length() > 8,
                "url must be an http:// or https:// URL, got: %s",
                url);
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        checkArgument(
                database != null && !database.isBlank(),
                "database must not be blank, got: %s",
                database);
        retentionPolicy =
                retentionPolicy == null || retentionPolicy.isBlank() ? null : retentionPolicy;
        checkArgument(
                precision != null && precision != TimeUnit.DAYS,
                "precision must be one of NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS,"
                        + " MINUTES, HOURS, got: %s",
                precision);
        username = username == null || username.isBlank() ? null : username;
        checkArgument(
                passwordEnv == null || passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*"),
                "passwordEnv must be the name of an environment variable (letters, digits, _), got:"
                        + " %s",
                passwordEnv == null ? null : "a value of " + passwordEnv.length() + " characters");
        checkArgument(
                passwordFile == null || !passwordFile.isBlank(), "passwordFile must not be blank");
        checkPositive(connectTimeout, "connectTimeout");
        checkPositive(readTimeout, "readTimeout");
    }

    /**
     * Reads the secret now (on the task manager); the file wins over the environment variable. May
     * be null.
     */
    String resolvePassword() {
        if (passwordFile != null) {
            try {
                return Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                // The path is not secret; the content is never printed.
                throw new UncheckedIOException(
                        "Cannot read the InfluxDB password file " + passwordFile, e);
            }
        }
        return passwordEnv == null ? null : System.getenv(passwordEnv);
    }

    /** Never shows a secret: only where it is read from. */
    @Override
    public String toString() {
        return "url="
                + url
                + ", database="
                + database
                + (retentionPolicy == null ? "" : ", retentionPolicy=" + retentionPolicy)
                + ", precision="
                + precision
                + ", username="
                + username
                + ", password="
                + (username == null
                        ? "unused"
                        : passwordFile != null
                                ? "<file " + passwordFile + ">"
                                : passwordEnv != null ? "<env " + passwordEnv + ">" : "none")
                + ", gzip="
                + gzip
                + ", timeouts="
                + connectTimeout
                + "/"
                + readTimeout;
    }
}
