package io.invicta.jobs.weather;

import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Attaches the key (station or zone, variable), the resolution and the window start to the statistics. The mean of
 * wind direction is its vector mean (NaN when the directions cancel out).
 */
public final class EmitWeatherStats
        extends ProcessWindowFunction<WeatherAccumulator, WeatherStats, Tuple2<String, String>, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final boolean perSensor;
    private final String resolution;

    public EmitWeatherStats(boolean perSensor, String resolution) {
        this.perSensor = perSensor;
        this.resolution = resolution;
    }

    @Override
    public void process(Tuple2<String, String> key, Context context, Iterable<WeatherAccumulator> accs,
                        Collector<WeatherStats> out) {
        WeatherAccumulator acc = accs.iterator().next();
        WeatherStats stats = new WeatherStats();
        stats.sensorId = perSensor ? key.f0 : null;
        stats.zone = perSensor ? acc.zone : key.f0;
        stats.variable = key.f1;
        stats.resolution = resolution;
        stats.windowStart = context.window().getStart();
        stats.count = acc.count;
        stats.sum = acc.sum;
        boolean direction = ToWeatherReadings.WIND_DIRECTION.equals(key.f1);
        stats.mean = direction ? acc.meanDirection() : acc.mean();
        stats.resultantLength = direction ? acc.resultantLength() : Double.NaN;
        stats.min = acc.min;
        stats.max = acc.max;
        out.collect(stats);
    }
}
