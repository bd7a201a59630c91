package io.invicta.tools.replay;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Holds each event back until its event time, scaled by the speed factor, has passed on the wall
 * clock since the first event: ×60 replays an hour of data in a minute. Speed 0 means as fast as
 * possible.
 */
final class Pacer {

    private final double speed;
    private final LongSupplier nanoClock;
    private final LongConsumer parkNanos;
    private long firstEventTime = Long.MIN_VALUE;
    private long startNanos;

    Pacer(double speed) {
        this(speed, System::nanoTime, LockSupport::parkNanos);
    }

    /** With a clock and a way to wait, so the pacing is testable without real time passing. */
    Pacer(double speed, LongSupplier nanoClock, LongConsumer parkNanos) {
        this.speed = speed;
        this.nanoClock = nanoClock;
        this.parkNanos = parkNanos;
    }

    void await(long eventTime) {
        if (speed <= 0) {
            return;
        }
        if (firstEventTime == Long.MIN_VALUE) {
            firstEventTime = eventTime;
            startNanos = nanoClock.getAsLong();
            return;
        }
        long due = startNanos + (long) ((eventTime - firstEventTime) * 1_000_000L / speed);
        for (long wait = due - nanoClock.getAsLong();
                wait > 0;
                wait = due - nanoClock.getAsLong()) {
            parkNanos.accept(wait);
        }
    }
}
