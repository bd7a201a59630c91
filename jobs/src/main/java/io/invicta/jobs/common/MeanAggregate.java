package io.invicta.jobs.common;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Incremental count/sum/min/max, so a window keeps one accumulator instead of its readings. */
public final class MeanAggregate<IN extends ScalarReading> implements AggregateFunction<IN, MeanAccumulator, MeanAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public MeanAccumulator createAccumulator() {
        return new MeanAccumulator();
    }

    @Override
    public MeanAccumulator add(IN reading, MeanAccumulator accumulator) {
        accumulator.add(reading.zone(), reading.value());
        return accumulator;
    }

    @Override
    public MeanAccumulator getResult(MeanAccumulator accumulator) {
        return accumulator;
    }

    @Override
    public MeanAccumulator merge(MeanAccumulator a, MeanAccumulator b) {
        return a.merge(b);
    }
}
