package io.invicta.tools.replay;

import java.io.PrintStream;

/**
 * Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise (logs,
 * CI). Called from the sending loop; it looks at the clock only every few thousand events.
 */
final class Progress {

    private static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private static final long BAR_EVERY_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean bar;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    Progress(PrintStream out, boolean bar, long total) {
        this.out = out;
        this.bar = bar;
        this.total = total;
    }

    void update(long done) {
        if ((done & 4095) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < (bar ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) {
            return;
        }
        lastPrint = now;
        print(done, now, false);
    }

    void finish(long done) {
        print(done, System.nanoTime(), true);
    }

    private void print(long done, long now, boolean last) {
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        long eta = rate > 0 && total > done ? (long) ((total - done) / rate) : 0;
        if (bar) {
            int filled = (int) Math.round(fraction * 30);
            out.printf(
                    "\r[%s%s] %3.0f%% %,d/%,d events  %,.0f ev/s  ETA %d:%02d   ",
                    "#".repeat(filled),
                    ".".repeat(30 - filled),
                    fraction * 100,
                    done,
                    total,
                    rate,
                    eta / 60,
                    eta % 60);
            if (last) {
                out.println();
            }
        } else {
            out.printf(
                    "replay: %,d/%,d events (%.0f%%), %,.0f ev/s, ETA %d:%02d%n",
                    done, total, fraction * 100, rate, eta / 60, eta % 60);
        }
        out.flush();
    }
}
