package io.invicta.jobs.windows;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * All tumbling windows of one sensor (the key) in one operator: each slice of the sensor's readings
 * (from {@link SensorPreAggregate}) updates the compact accumulators of every variable of each of
 * its {@link WindowFamily window families} (short and long, and for air quality hourly and
 * local-day windows) with one state access, instead of one reading per variable and observation,
 * each shuffled to one window operator per window length. Emits, when the watermark passes a
 * window's end, the sensor's {@link WindowStats} (main output), its share of the zone's window
 * ({@link #ZONE_PARTIALS}, merged by {@link ZoneWindows}), and for the families that ask, the
 * window to {@link #HOURLY} or {@link #DAILY}.
 *
 * <p>Event-time semantics are those of Flink's window operator with allowed lateness: a window
 * fires once the watermark reaches its end − 1 ms; a reading for a fired window within the allowed
 * lateness updates it and emits the corrected result at once (same InfluxDB point); a window is
 * dropped, with its timers, once the watermark reaches end − 1 ms + lateness, and readings for
 * dropped windows are ignored (the lateness gate upstream sends them to the late-events topic
 * before they get here). A sensor has at most one pending timer ({@link OpenWindow}).
 */
public final class SensorWindows extends KeyedProcessFunction<String, WindowStats, WindowStats> {

    private static final long serialVersionUID = 1L;

    /** Each sensor window's readings per zone, for the zone windows. */
    public static final OutputTag<WindowStats> ZONE_PARTIALS = new OutputTag<>("zone-partials") {};

    /**
     * The windows of the families with {@code hourly} set (air quality: the index and the hourly
     * limits).
     */
    public static final OutputTag<WindowStats> HOURLY = new OutputTag<>("hourly-windows") {};

    /** The local-day windows (air quality: the daily limits). */
    public static final OutputTag<WindowStats> DAILY = new OutputTag<>("daily-windows") {};

    private final WindowFamily[] families;
    private final long latenessMs;
    private transient ValueState<SensorState> state;

    public SensorWindows(WindowFamily[] families, Duration allowedLateness) {
        if (families.length == 0) {
            throw new IllegalArgumentException("no window family");
        }
        this.families = families.clone();
        this.latenessMs = allowedLateness.toMillis();
    }

    /** The slice length for these families (see {@link SensorPreAggregate#sliceFor}). */
    public static Duration sliceFor(WindowFamily[] families) {
        Duration[] lengths = new Duration[families.length];
        for (int i = 0; i < families.length; i++) {
            lengths[i] = families[i].length();
        }
        return SensorPreAggregate.sliceFor(lengths);
    }

    @Override
    public void open(OpenContext openContext) {
        state =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("sensor-windows", SensorState.class));
    }

    @Override
    public void processElement(WindowStats slice, Context ctx, Collector<WindowStats> out)
            throws Exception {
        SensorState s = state.value();
        if (s == null) {
            s = new SensorState();
        }
        long watermark = ctx.timerService().currentWatermark();
        int reported = slice.stats.reported();
        for (int f = 0; f < families.length; f++) {
            WindowFamily family = families[f];
            if ((reported & family.variables) == 0) {
                continue;
            }
            SensorWindow w = s.find(f, slice.windowStart);
            if (w == null) {
                TimeWindow tw = family.windowOf(slice.windowStart);
                if (tw.maxTimestamp() + latenessMs <= watermark) {
                    continue; // past the lateness: the window operator would drop it too
                }
                w = new SensorWindow(f, tw.getStart(), tw.getEnd());
                s.open(f, w);
            }
            w.add(
                    slice.zone,
                    slice.stats,
                    family.variables,
                    slice.windowStart,
                    family.tracksHours());
            if (w.maxTimestamp() <= watermark) {
                emit(w, ctx, out); // late readings within the lateness: the corrected result now
            }
            s.timer = OpenWindow.schedule(ctx.timerService(), s.timer, w, latenessMs);
        }
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowStats> out)
            throws Exception {
        SensorState s = state.value();
        if (s == null) {
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        long next = Long.MAX_VALUE;
        for (List<SensorWindow> windows : s.families) {
            next =
                    Math.min(
                            next,
                            OpenWindow.fireAndExpire(
                                    windows, watermark, latenessMs, w -> emit(w, ctx, out)));
        }
        s.timer = OpenWindow.reschedule(ctx.timerService(), next);
        if (s.timer == OpenWindow.NONE) {
            state.clear();
        } else {
            state.update(s);
        }
    }

    private void emit(SensorWindow w, Context ctx, Collector<WindowStats> out) {
        w.fired = true;
        WindowFamily family = families[w.family];
        String sensor = ctx.getCurrentKey();
        // Copies: the window may take more (late) readings after this result has left.
        WindowStats result =
                new WindowStats(sensor, w.zone, family.resolution, w.start, w.end, w.total.copy());
        if (w.hours != null) {
            result.hours = w.hours.clone();
        }
        if (family.means) {
            out.collect(result);
        }
        if (family.zones) {
            if (w.byZone == null) {
                ctx.output(ZONE_PARTIALS, result);
            } else {
                for (Map.Entry<String, Measures> e : w.byZone.entrySet()) {
                    ctx.output(
                            ZONE_PARTIALS,
                            new WindowStats(
                                    sensor,
                                    e.getKey(),
                                    family.resolution,
                                    w.start,
                                    w.end,
                                    e.getValue().copy()));
                }
            }
        }
        if (family.hourly) {
            ctx.output(HOURLY, result);
        }
        if (family.daily) {
            ctx.output(DAILY, result);
        }
    }
}
