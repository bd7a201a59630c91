package io.invicta.jobs.airquality;

import io.invicta.domain.Eaqi;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The EEA index of each station-hour, from the station's hourly means (one keyed operator per
 * station, every input on one path): NO2, O3 and SO2 hourly means, and PM10 and PM2.5 24-hour
 * running means it computes itself from the PM hourly means of the last 24 hours (Σ count·mean / Σ
 * count: the mean of every reading of those hours). An hour's index is emitted when the watermark
 * passes the hour's end; an input within the allowed lateness (a re-fired window) updates the hour
 * and every hour whose running mean includes it, and emits the updated hours again.
 *
 * <p><b>Every point whole.</b> InfluxDB merges the fields of points with the same identity, so a
 * write with fewer fields would leave older ones beside a recomputed level. An hour's inputs are
 * kept until its lateness has passed, so every emission of an hour carries every input it ever had;
 * after that, an input for the hour is too late to be part of its point: it is counted ({@code
 * lateIndexInputs}) and dropped, never written as a partial point. Having all inputs on one path
 * also means no input can arrive after the watermark that closed its hour (two paths with their own
 * watermarks could, after an idle period).
 */
public final class IndexCombiner
        extends KeyedProcessFunction<String, PollutantMean, AirQualityIndex> {

    private static final long serialVersionUID = 1L;
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final int DAY_HOURS = 24;

    private final long latenessMs;
    private final Eaqi table;
    private final int pmMinHours;
    private transient MapState<Long, IndexInputs> hours; // hour end → inputs
    private transient MapState<Long, PmHour> pmHours; // hour start → PM hourly means
    private transient Counter lateInputs;

    /**
     * @param table the EEA band table
     * @param pmMinHours hours of the 24 with a PM value that a running mean needs
     */
    public IndexCombiner(Duration allowedLateness, Eaqi table, int pmMinHours) {
        this.latenessMs = allowedLateness.toMillis();
        this.table = table;
        this.pmMinHours = pmMinHours;
    }

    @Override
    public void open(OpenContext openContext) {
        hours =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "index-inputs-by-hour-end", Long.class, IndexInputs.class));
        pmHours =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pm-hourly-by-start", Long.class, PmHour.class));
        lateInputs = getRuntimeContext().getMetricGroup().counter("lateIndexInputs");
    }

    @Override
    public void processElement(PollutantMean mean, Context ctx, Collector<AirQualityIndex> out)
            throws Exception {
        long hourEnd = mean.windowEnd;
        long watermark = ctx.timerService().currentWatermark();
        if (hourEnd + latenessMs <= watermark) {
            lateInputs.inc();
            return;
        }
        List<Long> changed = new ArrayList<>();
        changed.add(hourEnd);
        if (mean.pollutant == Pollutant.PM10 || mean.pollutant == Pollutant.PM25) {
            long start = hourEnd - HOUR;
            PmHour pm = pmHours.get(start);
            if (pm == null) {
                pm = new PmHour();
                // Needed by the running means of this hour and the 23 after it, until their
                // lateness.
                ctx.timerService().registerEventTimeTimer(hourEnd + DAY_HOURS * HOUR + latenessMs);
            }
            pm.accept(mean);
            pmHours.put(start, pm);
            for (long later = hourEnd + HOUR; later < hourEnd + DAY_HOURS * HOUR; later += HOUR) {
                if (hours.contains(later)) {
                    changed.add(later);
                }
            }
        }
        for (long end : changed) {
            IndexInputs inputs = hours.get(end);
            if (inputs == null) {
                inputs = new IndexInputs();
                ctx.timerService().registerEventTimeTimer(end - 1);
                ctx.timerService().registerEventTimeTimer(end + latenessMs);
            }
            if (end == hourEnd) {
                inputs.accept(mean);
            }
            inputs.pm10Day = runningMean(Pollutant.PM10, end);
            inputs.pm25Day = runningMean(Pollutant.PM25, end);
            hours.put(end, inputs);
            if (end - 1 <= watermark) {
                // The hour was emitted already: emit it again, whole, with the correction.
                out.collect(inputs.toIndex(table, ctx.getCurrentKey(), end - HOUR));
            }
        }
    }

    /**
     * The 24-hour running mean ending with the hour that ends at {@code hourEnd}, or null when
     * fewer than {@code pmMinHours} of those 24 hours have a value of {@code p} (the hour itself
     * need not have one: a well-covered day still gives the hour its running mean).
     */
    private Double runningMean(Pollutant p, long hourEnd) throws Exception {
        long count = 0;
        double sum = 0;
        int hoursWithData = 0;
        for (long start = hourEnd - DAY_HOURS * HOUR; start < hourEnd; start += HOUR) {
            PmHour pm = pmHours.get(start);
            if (pm != null && pm.count(p) > 0) {
                count += pm.count(p);
                sum += pm.count(p) * pm.mean(p);
                hoursWithData++;
            }
        }
        return hoursWithData >= pmMinHours ? sum / count : null;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AirQualityIndex> out)
            throws Exception {
        IndexInputs due = hours.get(timestamp + 1);
        if (due != null && !due.isEmpty()) {
            out.collect(due.toIndex(table, ctx.getCurrentKey(), timestamp + 1 - HOUR));
        }
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, IndexInputs> e : hours.entries()) {
            if (e.getKey() + latenessMs <= timestamp) {
                expired.add(e.getKey());
            }
        }
        for (Long hourEnd : expired) {
            hours.remove(hourEnd);
        }
        expired.clear();
        for (Long start : pmHours.keys()) {
            if (start + HOUR + DAY_HOURS * HOUR + latenessMs <= timestamp) {
                expired.add(start);
            }
        }
        for (Long start : expired) {
            pmHours.remove(start);
        }
    }
}
