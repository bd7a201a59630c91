package io.invicta.sinks.influxdb;

import java.time.Duration;

/** Argument checks of the sink's option values, with messages that say what is wrong. */
final class Checks {

    private Checks() {}

    static void checkArgument(boolean ok, String message, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(message, args));
        }
    }

    static void checkPositive(Duration d, String name) {
        checkArgument(
                d != null && !d.isNegative() && !d.isZero(),
                "%s must be positive, got: %s",
                name,
                d);
    }
}
