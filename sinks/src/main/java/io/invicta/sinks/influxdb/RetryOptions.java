package io.invicta.sinks.influxdb;

import java.io.Serializable;
import java.time.Duration;

import static io.invicta.sinks.influxdb.Checks.checkArgument;
import static io.invicta.sinks.influxdb.Checks.checkPositive;

/**
 * How a failing write is retried: exponential backoff from {@code initialBackoff} doubling up to
 * {@code maxBackoff}, with jitter, until the same write has kept failing for {@code maxTotalTime}
 * (zero: fail on the first transient error); then the job fails. Immutable and validated.
 */
public record RetryOptions(Duration initialBackoff, Duration maxBackoff, Duration maxTotalTime)
        implements Serializable {

    public RetryOptions {
        checkPositive(initialBackoff, "retryInitialBackoff");
        checkPositive(maxBackoff, "retryMaxBackoff");
        checkArgument(
                maxTotalTime != null && !maxTotalTime.isNegative(),
                "retryMaxTotalTime must be zero or positive, got: %s",
                maxTotalTime);
        checkArgument(
                maxBackoff.compareTo(initialBackoff) >= 0,
                "retryMaxBackoff (%s) must not be less than retryInitialBackoff (%s)",
                maxBackoff,
                initialBackoff);
    }

    @Override
    public String toString() {
        return initialBackoff + ".." + maxBackoff + " for " + maxTotalTime;
    }
}
