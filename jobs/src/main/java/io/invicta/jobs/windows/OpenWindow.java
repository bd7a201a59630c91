package io.invicta.jobs.windows;

import org.apache.flink.streaming.api.TimerService;

import java.util.List;
import java.util.function.Consumer;

/**
 * An event-time window kept in keyed state by {@link SensorWindows} and {@link ZoneWindows}, with
 * the window operator's rules: it fires when the watermark reaches its end − 1 ms and is dropped
 * when the watermark reaches end − 1 ms + the allowed lateness.
 *
 * <p>Timers: a key has at most one pending timer of its own (its state remembers it), at the next
 * time one of its windows fires or is dropped, and that timer handles every window due up to the
 * current watermark. A watermark that jumps over many windows (a backlog being read) then costs one
 * timer per key, not one per window; the timer queue stays the size of the number of keys. A Flink
 * POJO.
 */
public class OpenWindow {

    /** No timer pending. */
    static final long NONE = Long.MIN_VALUE;

    public long start;
    public long end;

    /**
     * Whether the watermark has passed the end (the result was emitted; later readings re-emit it).
     */
    public boolean fired;

    public OpenWindow() {}

    OpenWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    long maxTimestamp() {
        return end - 1;
    }

    boolean due(long watermark) {
        return !fired && maxTimestamp() <= watermark;
    }

    boolean expired(long watermark, long latenessMs) {
        return maxTimestamp() + latenessMs <= watermark;
    }

    /** When this window next needs a timer: its end, or its drop once it has fired. */
    long nextTime(long latenessMs) {
        return fired ? maxTimestamp() + latenessMs : maxTimestamp();
    }

    /**
     * Makes sure a timer is due no later than {@code window} needs one; returns the key's pending
     * timer.
     */
    static long schedule(TimerService timers, long pending, OpenWindow window, long latenessMs) {
        long at = window.nextTime(latenessMs);
        if (pending != NONE && pending <= at) {
            return pending;
        }
        timers.registerEventTimeTimer(at);
        return at;
    }

    /**
     * On a timer: emits every window that is due at the watermark and drops those past their
     * lateness; returns the earliest time one of the others needs a timer, or {@link
     * Long#MAX_VALUE} when none is left.
     */
    static <W extends OpenWindow> long fireAndExpire(
            List<W> windows, long watermark, long latenessMs, Consumer<W> emit) {
        for (W w : windows) {
            if (w.due(watermark)) {
                emit.accept(w);
            }
        }
        return expire(windows, watermark, latenessMs);
    }

    /**
     * Drops the windows past their lateness; returns the earliest time one of the others needs a
     * timer, or {@link Long#MAX_VALUE} when none is left.
     */
    private static long expire(
            List<? extends OpenWindow> windows, long watermark, long latenessMs) {
        windows.removeIf(w -> w.expired(watermark, latenessMs));
        long next = Long.MAX_VALUE;
        for (OpenWindow w : windows) {
            next = Math.min(next, w.nextTime(latenessMs));
        }
        return next;
    }

    /**
     * Sets the key's timer at {@code next} (from {@link #expire}); returns it, or {@link #NONE}
     * when none is needed.
     */
    static long reschedule(TimerService timers, long next) {
        if (next == Long.MAX_VALUE) {
            return NONE;
        }
        timers.registerEventTimeTimer(next);
        return next;
    }
}
