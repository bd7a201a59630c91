package io.invicta.jobs.airquality;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gathers, per station, the window results that make one hour's index (they all end with the hour)
 * and emits the index when the watermark passes the hour's end. A window re-fired by a late event
 * within the allowed lateness updates the hour and emits it again (same InfluxDB point); the hour
 * is forgotten after that.
 */
public final class IndexCombiner
        extends KeyedProcessFunction<String, PollutantMean, AirQualityIndex> {

    private static final long serialVersionUID = 1L;
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final long latenessMs;
    private transient MapState<Long, IndexInputs> hours; // hour end → inputs

    public IndexCombiner(Duration allowedLateness) {
        this.latenessMs = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        hours =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "index-inputs-by-hour-end", Long.class, IndexInputs.class));
    }

    @Override
    public void processElement(PollutantMean mean, Context ctx, Collector<AirQualityIndex> out)
            throws Exception {
        long hourEnd = mean.windowEnd;
        IndexInputs inputs = hours.get(hourEnd);
        if (inputs == null) {
            inputs = new IndexInputs();
            ctx.timerService().registerEventTimeTimer(hourEnd - 1);
            ctx.timerService().registerEventTimeTimer(hourEnd + latenessMs);
        }
        inputs.accept(mean);
        hours.put(hourEnd, inputs);
        if (hourEnd - 1 <= ctx.timerService().currentWatermark()) {
            // A re-fired window after the hour was emitted: emit the corrected index now.
            out.collect(inputs.toIndex(ctx.getCurrentKey(), hourEnd - HOUR));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AirQualityIndex> out)
            throws Exception {
        IndexInputs due = hours.get(timestamp + 1);
        if (due != null && !due.isEmpty()) {
            out.collect(due.toIndex(ctx.getCurrentKey(), timestamp + 1 - HOUR));
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
    }
}
