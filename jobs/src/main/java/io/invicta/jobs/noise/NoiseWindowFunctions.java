package io.invicta.jobs.noise;

import io.invicta.domain.Decibels;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** The incremental energetic aggregate of a noise window, and the function that emits its level. */
public final class NoiseWindowFunctions {

    private NoiseWindowFunctions() {
    }

    /** Sums energies; decibels are never averaged as numbers. */
    public static final class Energy implements AggregateFunction<NoiseReading, EnergyAccumulator, EnergyAccumulator> {
        private static final long serialVersionUID = 1L;

        @Override
        public EnergyAccumulator createAccumulator() {
            return new EnergyAccumulator();
        }

        @Override
        public EnergyAccumulator add(NoiseReading reading, EnergyAccumulator acc) {
            acc.add(reading);
            return acc;
        }

        @Override
        public EnergyAccumulator getResult(EnergyAccumulator acc) {
            return acc;
        }

        @Override
        public EnergyAccumulator merge(EnergyAccumulator a, EnergyAccumulator b) {
            return a.merge(b);
        }
    }

    /** LAeq = 10·log10(Σ E·t / Σ t) of the window, with its scope and start. */
    public static final class Emit extends ProcessWindowFunction<EnergyAccumulator, NoiseLevel, String, TimeWindow> {
        private static final long serialVersionUID = 1L;
        private final boolean perSensor;
        private final String resolution;

        public Emit(boolean perSensor, String resolution) {
            this.perSensor = perSensor;
            this.resolution = resolution;
        }

        @Override
        public void process(String key, Context context, Iterable<EnergyAccumulator> accs, Collector<NoiseLevel> out) {
            EnergyAccumulator acc = accs.iterator().next();
            out.collect(new NoiseLevel(perSensor ? key : null, perSensor ? acc.zone : key, resolution,
                    context.window().getStart(), acc.count, Decibels.level(acc.weightedEnergy / acc.seconds),
                    acc.lamax == Double.NEGATIVE_INFINITY ? Double.NaN : acc.lamax));
        }
    }
}
