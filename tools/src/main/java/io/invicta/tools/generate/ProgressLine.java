package io.invicta.tools.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A line on stderr every period while the generator runs: records written, their rate since the
 * last line, and the event time reached. Nothing when the period is zero.
 */
final class ProgressLine implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ScheduledExecutorService ticker;
    private long lastCount;
    private long lastNanos = System.nanoTime();

    ProgressLine(StreamGenerator generator, Duration period) {
        if (period.isZero()) {
            ticker = null;
            return;
        }
        ticker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "generate-progress");
                            t.setDaemon(true);
                            return t;
                        });
        long ms = period.toMillis();
        ticker.scheduleAtFixedRate(() -> print(generator), ms, ms, TimeUnit.MILLISECONDS);
    }

    private void print(StreamGenerator generator) {
        long n = generator.written();
        long now = System.nanoTime();
        double perSecond = (n - lastCount) / ((now - lastNanos) / 1e9);
        lastCount = n;
        lastNanos = now;
        System.err.printf(
                "[generate %s] %,d records, %,.0f records/s, event time %s%n",
                CLOCK.format(LocalTime.now(ZoneOffset.UTC)),
                n,
                perSecond,
                Instant.ofEpochMilli(generator.eventTime()));
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
