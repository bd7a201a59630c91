package io.invicta.sinks.influxdb;

import org.apache.flink.runtime.execution.SuppressRestartsException;

/**
 * InfluxDB answers that no retry can fix: the credentials refused, the database or the retention
 * policy missing. Retrying them for minutes, then restarting the job to retry again, looks like an
 * outage while the cause is a setting; they fail the job at once, with a message that names the
 * setting, and suppress Flink's restarts (the job ends FAILED: fix the setting, then resume it from
 * its last checkpoint).
 */
final class Unfixable {

    private Unfixable() {}

    /** Throws when {@code status} and {@code message} say a write can never succeed. */
    static void check(
            int status, String message, String url, String database, String retentionPolicy) {
        String text = message == null ? "" : message;
        String cause = null;
        if (status == 401 || status == 403) {
            cause = credentialsRefused(url, null, status);
        } else if (text.contains("database not found")) {
            cause = noDatabase(url, database);
        } else if (text.contains("retention policy not found")) {
            cause = noRetentionPolicy(url, database, retentionPolicy);
        }
        if (cause != null) {
            throw new SuppressRestartsException(
                    new IllegalStateException(cause + "; InfluxDB said: " + text));
        }
    }

    /** What to tell when InfluxDB refuses the credentials: the settings to check, no secret. */
    static String credentialsRefused(String url, String user, int status) {
        return "InfluxDB at "
                + url
                + " refused the credentials"
                + (user == null ? "" : " of user '" + user + "'")
                + " (HTTP "
                + status
                + "): check influx.username and influx.password-env / influx.password-file";
    }

    static String noDatabase(String url, String database) {
        return "InfluxDB at "
                + url
                + " has no database '"
                + database
                + "' (influx.database): create it (CREATE DATABASE \""
                + database
                + "\"), or set influx.create-database: true to have the job create it at start";
    }

    static String noRetentionPolicy(String url, String database, String policy) {
        return "InfluxDB database '"
                + database
                + "' at "
                + url
                + " has no retention policy '"
                + policy
                + "' (influx.retention-policy)";
    }
}
