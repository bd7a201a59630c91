package io.invicta.jobs.airquality;

import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Attaches the key and the window start to the aggregate. */
public final class EmitPollutantMean
        extends ProcessWindowFunction<MeanAccumulator, PollutantMean, Tuple2<String, String>, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(Tuple2<String, String> key, Context context, Iterable<MeanAccumulator> aggregates,
                        Collector<PollutantMean> out) {
        MeanAccumulator acc = aggregates.iterator().next();
        out.collect(new PollutantMean(key.f0, Pollutant.ofField(key.f1), context.window().getStart(), acc.count, acc.mean(),
                acc.min, acc.max));
    }
}
