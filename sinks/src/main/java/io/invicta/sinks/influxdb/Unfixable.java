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
            cause =
                    "InfluxDB at "
                            + url
                            + " refused the credentials (HTTP "
                            + status
                            + "): check influx.username and influx.password-env /"
                            + " influx.password-file";
        } else if (text.contains("database not found")) {
            cause =
                    "InfluxDB at "
                            + url
                            + " has no database '"
                            + database
                            + "' (influx.database): create it, or set influx.create-database:"
                            + " true to have the job create it at start";
        } else if (text.contains("retention policy not found")) {
            cause =
                    "InfluxDB database '"
                            + database
                            + "' at "
                            + url
                            + " has no retention policy '"
                            + retentionPolicy
                            + "' (influx.retention-policy)";
        }
        if (cause != null) {
            throw new SuppressRestartsException(
                    new IllegalStateException(cause + "; InfluxDB said: " + text));
        }
    }
}
