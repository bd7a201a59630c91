package io.invicta.jobs.airquality;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 24-hour running means updated hourly, built from the hourly means of one station and pollutant
 * (the key): the mean over the readings of hours H−23..H is Σ(count·mean) / Σcount of those hourly
 * windows, exactly the mean a 24-hour sliding window over the readings would give, at one state
 * update per hour instead of 24 per reading. A corrected hourly mean (a late event) re-emits every
 * running mean it is part of.
 */
public final class RunningDayMeans
        extends KeyedProcessFunction<Tuple2<String, String>, PollutantMean, PollutantMean> {

    private static final long serialVersionUID = 1L;
    private static final long HOUR = 3_600_000L;
    private static final int HOURS = 24;

    private transient MapState<Long, PollutantMean> hours; // hour start → hourly mean

    @Override
    public void open(OpenContext openContext) {
        hours =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "hourly-means-by-start", Long.class, PollutantMean.class));
    }

    @Override
    public void processElement(PollutantMean hourly, Context ctx, Collector<PollutantMean> out)
            throws Exception {
        long hour = hourly.windowStart;
        hours.put(hour, hourly);
        // Every running mean this hour belongs to: the ones ending with hours H..H+23 that have
        // data themselves.
        for (long end = hour; end < hour + HOURS * HOUR; end += HOUR) {
            PollutantMean last = hours.get(end);
            if (last != null) {
                out.collect(runningMean(end, last));
            }
        }
        prune(hour);
    }

    private PollutantMean runningMean(long lastHour, PollutantMean last) throws Exception {
        long count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (long h = lastHour - (HOURS - 1) * HOUR; h <= lastHour; h += HOUR) {
            PollutantMean m = hours.get(h);
            if (m != null) {
                count += m.count;
                sum += m.count * m.mean;
                min = Math.min(min, m.min);
                max = Math.max(max, m.max);
            }
        }
        long end = lastHour + HOUR;
        return new PollutantMean(
                last.sensorId,
                last.zone,
                "24h",
                last.pollutant,
                end - HOURS * HOUR,
                end,
                count,
                sum / count,
                min,
                max);
    }

    /**
     * Keeps the newest hour and the 2 × 24 hours before it (room for corrections of recent hours).
     */
    private void prune(long newest) throws Exception {
        long oldest = newest - 2 * HOURS * HOUR;
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, PollutantMean> e : hours.entries()) {
            if (e.getKey() < oldest) {
                expired.add(e.getKey());
            }
        }
        for (Long h : expired) {
            hours.remove(h);
        }
    }
}
