package io.invicta.sinks.influxdb;

import org.apache.flink.api.common.operators.ProcessingTimeService;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Processing time that moves only when the test says so; timers fire on the test's thread, like
 * Flink's mailbox.
 */
final class ManualTimeService implements ProcessingTimeService {

    private long now = 1_000_000L;
    private final List<Object[]> timers = new ArrayList<>();

    @Override
    public long getCurrentProcessingTime() {
        return now;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
        timers.add(new Object[] {timestamp, callback});
        return null;
    }

    int pendingTimers() {
        return timers.size();
    }

    void advance(long millis) throws Exception {
        now += millis;
        List<Object[]> due = new ArrayList<>();
        timers.removeIf(t -> (long) t[0] <= now && due.add(t));
        for (Object[] t : due) {
            ((ProcessingTimeCallback) t[1]).onProcessingTime((long) t[0]);
        }
    }
}
