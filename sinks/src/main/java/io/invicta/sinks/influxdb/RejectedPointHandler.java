package io.invicta.sinks.influxdb;

import java.io.Serializable;

/**
 * Receives the points the sink did not store, with the reason: points line protocol cannot
 * represent (NaN, line breaks in a tag, …; see {@link LineProtocol}) and points InfluxDB refused
 * with a 4xx (e.g. a field type conflict), isolated from the rest of their batch. A dead-letter
 * hook: the sink has already counted and logged them. Called from the task thread or from the
 * sink's sender threads, so implementations must be thread-safe, quick, and must not throw (an
 * exception fails the job).
 */
@FunctionalInterface
public interface RejectedPointHandler extends Serializable {

    /**
     * @param point the point as the converter built it; {@code reason} names the problem or quotes
     *     InfluxDB
     */
    void onRejected(InfluxPoint point, String reason);

    /** Does nothing beyond the sink's own counter and log line. */
    static RejectedPointHandler none() {
        return (point, reason) -> {};
    }
}
