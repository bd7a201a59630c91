package io.invicta.sinks.influxdb;

import java.io.Serializable;
import java.time.Duration;

import static io.invicta.sinks.influxdb.Checks.checkArgument;
import static io.invicta.sinks.influxdb.Checks.checkPositive;

/**
 * How the writer batches: a batch is sent at {@code points} points or {@code bytes} characters of
 * line protocol, or {@code interval} after its first point; at most {@code maxInFlight} batches are
 * written at once, then the task blocks (backpressure). Immutable and validated.
 */
public record BatchOptions(int points, long bytes, Duration interval, int maxInFlight)
        implements Serializable {

    public BatchOptions {
        checkArgument(points >= 1, "batchPoints must be at least 1, got: %s", points);
        checkArgument(
                bytes >= 1024 && bytes <= Integer.MAX_VALUE / 2,
                "batchBytes must be between 1 KiB and 1 GiB, got: %s",
                bytes);
        checkPositive(interval, "batchInterval");
        checkArgument(
                maxInFlight >= 1 && maxInFlight <= 64,
                "maxInFlight must be between 1 and 64, got: %s",
                maxInFlight);
    }

    @Override
    public String toString() {
        return points + " points/" + bytes + " bytes/" + interval + ", maxInFlight=" + maxInFlight;
    }
}
