package io.invicta.jobs.airquality;

import io.invicta.jobs.windows.DayCoverage;
import io.invicta.jobs.windows.Measures;
import io.invicta.jobs.windows.WindowStats;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-pollutant results of an air-quality window: one {@link PollutantMean} per pollutant it
 * had readings of.
 */
public final class PollutantMeans implements FlatMapFunction<WindowStats, PollutantMean> {

    private static final long serialVersionUID = 1L;

    /** In pollutant order. */
    public static List<PollutantMean> of(WindowStats w) {
        List<PollutantMean> means = new ArrayList<>(Pollutant.all().length);
        Measures s = w.stats;
        for (Pollutant p : Pollutant.all()) {
            int i = p.ordinal();
            if (s.count[i] > 0) {
                PollutantMean mean =
                        new PollutantMean(
                                w.sensorId,
                                w.zone,
                                w.resolution,
                                p,
                                w.windowStart,
                                w.windowEnd,
                                s.count[i],
                                s.mean(i),
                                s.min[i],
                                s.max[i]);
                mean.coverage = DayCoverage.of(w, i);
                means.add(mean);
            }
        }
        return means;
    }

    @Override
    public void flatMap(WindowStats window, Collector<PollutantMean> out) {
        for (PollutantMean mean : of(window)) {
            out.collect(mean);
        }
    }
}
