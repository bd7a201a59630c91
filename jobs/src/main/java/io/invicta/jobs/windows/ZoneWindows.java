package io.invicta.jobs.windows;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Zone windows (the key is the zone) merged from the sensor windows of {@link SensorWindows}:
 * count, sum, min and max merge exactly, so the zone's mean is the mean of all its readings, as if
 * the readings themselves had been aggregated, at one record per sensor window instead of one per
 * reading.
 *
 * <p>Each zone window keeps the latest result of every sensor: a sensor window re-emitted by a late
 * reading replaces that sensor's share instead of adding to it, and the zone's result is emitted
 * again at once. Every sensor result of a window arrives before the watermark passing its end (the
 * sensor operator emits before it forwards that watermark, and the zone operator's watermark waits
 * for every sensor instance: {@link io.invicta.jobs.time.NeverIdleAfterShuffle}), so the zone
 * window fires complete; it is dropped when the watermark reaches end − 1 ms + the allowed
 * lateness, as the sensor windows are.
 */
public final class ZoneWindows extends KeyedProcessFunction<String, WindowStats, WindowStats> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ZoneWindows.class);

    private final long latenessMs;
    private transient ValueState<ZoneState> state;
    private transient Counter latePartials;

    public ZoneWindows(Duration allowedLateness) {
        this.latenessMs = allowedLateness.toMillis();
    }

    /** Open windows of one zone. A Flink POJO. */
    public static class ZoneState {
        public List<ZoneWindow> windows = new ArrayList<>();

        /** The pending timer ({@link OpenWindow#NONE}: none). */
        public long timer = OpenWindow.NONE;
    }

    /** One open zone window: the latest result of each of its sensors. A Flink POJO. */
    public static class ZoneWindow extends OpenWindow {
        public String resolution;
        public Map<String, Measures> bySensor = new HashMap<>();
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("zone-windows", ZoneState.class));
        latePartials = getRuntimeContext().getMetricGroup().counter("latePartials");
    }

    @Override
    public void processElement(WindowStats sensor, Context ctx, Collector<WindowStats> out)
            throws Exception {
        ZoneState s = state.value();
        if (s == null) {
            s = new ZoneState();
        }
        long watermark = ctx.timerService().currentWatermark();
        ZoneWindow w = find(s, sensor);
        if (w == null) {
            if (sensor.windowEnd - 1 + latenessMs <= watermark) {
                // SensorWindows drops such windows first, and never turns idle for this operator
                // (NeverIdleAfterShuffle), so this means a bug: said, not hidden.
                latePartials.inc();
                LOG.warn(
                        "zone {}: the share of sensor {} in {} window [{}, {}) arrived after the"
                                + " window was dropped at watermark {}",
                        ctx.getCurrentKey(),
                        sensor.sensorId,
                        sensor.resolution,
                        sensor.windowStart,
                        sensor.windowEnd,
                        watermark);
                return;
            }
            w = new ZoneWindow();
            w.resolution = sensor.resolution;
            w.start = sensor.windowStart;
            w.end = sensor.windowEnd;
            s.windows.add(w);
        }
        w.bySensor.put(
                sensor.sensorId,
                sensor.stats); // replaces the sensor's earlier result of this window
        if (w.maxTimestamp() <= watermark) {
            emit(w, ctx.getCurrentKey(), out);
        }
        s.timer = OpenWindow.schedule(ctx.timerService(), s.timer, w, latenessMs);
        state.update(s);
    }

    private static ZoneWindow find(ZoneState s, WindowStats sensor) {
        for (int i = s.windows.size() - 1; i >= 0; i--) {
            ZoneWindow w = s.windows.get(i);
            if (w.start == sensor.windowStart
                    && w.end == sensor.windowEnd
                    && w.resolution.equals(sensor.resolution)) {
                return w;
            }
        }
        return null;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowStats> out)
            throws Exception {
        ZoneState s = state.value();
        if (s == null) {
            return;
        }
        s.timer =
                OpenWindow.reschedule(
                        ctx.timerService(),
                        OpenWindow.fireAndExpire(
                                s.windows,
                                ctx.timerService().currentWatermark(),
                                latenessMs,
                                w -> emit(w, ctx.getCurrentKey(), out)));
        if (s.timer == OpenWindow.NONE) {
            state.clear();
        } else {
            state.update(s);
        }
    }

    private static void emit(ZoneWindow w, String zone, Collector<WindowStats> out) {
        w.fired = true;
        Measures merged = null;
        for (Measures sensor : w.bySensor.values()) {
            if (merged == null) {
                merged = new Measures(sensor.size());
            }
            merged.merge(sensor, -1);
        }
        out.collect(new WindowStats(null, zone, w.resolution, w.start, w.end, merged));
    }
}
