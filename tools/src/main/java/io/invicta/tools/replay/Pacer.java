package io.invicta.tools.replay;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds each event back until its event time, scaled by the speed factor, has passed on the wall clock since
 * the first event: ×60 replays an hour of data in a minute. Speed 0 means as fast as possible.
 */
final class Pacer {

    private final double speed;
    private long firstEventTime = Long.MIN_VALUE;
    private long startNanos;

    Pacer(double speed) {
        this.speed = speed;
    }

    void await(long eventTime) {
        if (speed <= 0) {
            return;
        }
        if (firstEventTime == Long.MIN_VALUE) {
            firstEventTime = eventTime;
            startNanos = System.nanoTime();
            return;
        }
        long due = startNanos + (long) ((eventTime - firstEventTime) * 1_000_000L / speed);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
