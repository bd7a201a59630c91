package io.invicta.jobs.airquality;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * All tumbling windows of one sensor (the key) in one operator: each slice of the sensor's readings (from
 * {@link SensorPreAggregate}) updates the compact accumulators of every pollutant of its short, long, hourly and
 * local-day windows with one state access, instead of five readings per observation each shuffled to five window
 * operators. Emits, when the watermark passes a window's
 * end, the sensor's {@link WindowStats} (main output, for the means sink), its share of the zone's window
 * ({@link #ZONE_PARTIALS}, merged by {@link ZoneWindows}), hourly means ({@link #HOURLY}: the index and the hourly
 * limits) and local-day means ({@link #DAILY}: the daily limits).
 *
 * <p>Event-time semantics are those of Flink's window operator with allowed lateness: a window fires once the
 * watermark reaches its end − 1 ms; a reading for a fired window within the allowed lateness updates it and emits
 * the corrected result at once (same InfluxDB point); a window is dropped, with its timers, once the watermark
 * reaches end − 1 ms + lateness, and readings for dropped windows are ignored (the lateness gate upstream sends
 * them to the late-events topic before they get here). A sensor has at most one pending timer ({@link OpenWindow}).
 */
public final class SensorWindows extends KeyedProcessFunction<String, WindowStats, WindowStats> {

    private static final long serialVersionUID = 1L;
    private static final Duration HOUR = Duration.ofHours(1);

    /** Each sensor window's readings per zone, for the zone windows. */
    public static final OutputTag<WindowStats> ZONE_PARTIALS = new OutputTag<>("zone-partials") {
    };
    /** Hourly means per sensor and pollutant. */
    public static final OutputTag<PollutantMean> HOURLY = new OutputTag<>("hourly-means") {
    };
    /** Means over local calendar days per sensor, for PM10 and SO2 (the daily limit values). */
    public static final OutputTag<PollutantMean> DAILY = new OutputTag<>("daily-means") {
    };

    private final WindowFamily[] families;
    private final long latenessMs;
    private transient ValueState<SensorState> state;

    /**
     * @param cityZone time zone of the local days; the hourly means come from the long window when it is one hour
     */
    public SensorWindows(Duration shortWindow, Duration longWindow, ZoneId cityZone, Duration allowedLateness) {
        List<WindowFamily> list = new ArrayList<>();
        list.add(WindowFamily.tumbling(shortWindow, true, shortWindow.equals(HOUR) && !longWindow.equals(HOUR)));
        list.add(WindowFamily.tumbling(longWindow, true, longWindow.equals(HOUR)));
        if (!shortWindow.equals(HOUR) && !longWindow.equals(HOUR)) {
            list.add(WindowFamily.tumbling(HOUR, false, true));
        }
        list.add(WindowFamily.localDays(cityZone, Pollutant.PM10, Pollutant.SO2));
        this.families = list.toArray(new WindowFamily[0]);
        this.latenessMs = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("sensor-windows", SensorState.class));
    }

    @Override
    public void processElement(WindowStats slice, Context ctx, Collector<WindowStats> out) throws Exception {
        SensorState s = state.value();
        if (s == null) {
            s = new SensorState();
        }
        long watermark = ctx.timerService().currentWatermark();
        int reported = slice.stats.reported();
        for (int f = 0; f < families.length; f++) {
            WindowFamily family = families[f];
            if ((reported & family.pollutants) == 0) {
                continue;
            }
            SensorWindow w = s.find(f, slice.windowStart);
            if (w == null) {
                TimeWindow tw = family.windowOf(slice.windowStart);
                if (tw.maxTimestamp() + latenessMs <= watermark) {
                    continue; // past the lateness: the window operator would drop it too
                }
                w = new SensorWindow(f, tw.getStart(), tw.getEnd());
                s.windows(f).add(w);
            }
            w.add(slice.zone, slice.stats, family.pollutants);
            if (w.maxTimestamp() <= watermark) {
                emit(w, ctx, out); // late readings within the lateness: the corrected result now
            }
            s.timer = OpenWindow.schedule(ctx.timerService(), s.timer, w, latenessMs);
        }
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<WindowStats> out) throws Exception {
        SensorState s = state.value();
        if (s == null) {
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        long next = Long.MAX_VALUE;
        for (List<SensorWindow> windows : s.families) {
            next = Math.min(next, OpenWindow.fireAndExpire(windows, watermark, latenessMs, w -> emit(w, ctx, out)));
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
        if (family.means) {
            // Copies: the window may take more (late) readings after this result has left.
            WindowStats result = new WindowStats(sensor, w.zone, family.resolution, w.start, w.end, w.total.copy());
            out.collect(result);
            if (w.byZone == null) {
                ctx.output(ZONE_PARTIALS, result);
            } else {
                for (Map.Entry<String, PollutantStats> e : w.byZone.entrySet()) {
                    ctx.output(ZONE_PARTIALS, new WindowStats(sensor, e.getKey(), family.resolution, w.start, w.end,
                            e.getValue().copy()));
                }
            }
        }
        if (family.hourly || family.daily) {
            for (Pollutant p : Pollutant.all()) {
                PollutantMean mean = w.total.mean(p, sensor, w.zone, family.resolution, w.start, w.end);
                if (mean != null) {
                    ctx.output(family.hourly ? HOURLY : DAILY, mean);
                }
            }
        }
    }
}
