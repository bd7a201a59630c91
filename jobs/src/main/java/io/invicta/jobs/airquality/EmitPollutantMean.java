package io.invicta.jobs.airquality;

import io.invicta.jobs.common.MeanAccumulator;

import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Attaches the key, the scope (sensor or zone), the resolution and the window start to the aggregate. */
public final class EmitPollutantMean
        extends ProcessWindowFunction<MeanAccumulator, PollutantMean, Tuple2<String, String>, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final boolean perSensor;
    private final String resolution;

    /**
     * @param perSensor the key's first field is a sensor id (else a zone)
     * @param resolution the window length as a label, e.g. 1m
     */
    public EmitPollutantMean(boolean perSensor, String resolution) {
        this.perSensor = perSensor;
        this.resolution = resolution;
    }

    @Override
    public void process(Tuple2<String, String> key, Context context, Iterable<MeanAccumulator> aggregates,
                        Collector<PollutantMean> out) {
        MeanAccumulator acc = aggregates.iterator().next();
        out.collect(new PollutantMean(perSensor ? key.f0 : null, perSensor ? acc.zone : key.f0, resolution,
                Pollutant.ofField(key.f1), context.window().getStart(), context.window().getEnd(), acc.count, acc.mean(),
                acc.min, acc.max));
    }
}
