package io.invicta.jobs.airquality;

import io.invicta.jobs.windows.WindowStats;
import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.function.Consumer;

/**
 * One point per pollutant of a window, exactly as {@link PollutantMeanPoints} writes a {@link
 * PollutantMean}.
 */
public final class WindowStatsPoints implements PointConverter<WindowStats> {

    private static final long serialVersionUID = 1L;

    private final PollutantMeanPoints points = new PollutantMeanPoints();

    @Override
    public void convert(WindowStats window, Consumer<InfluxPoint> out) {
        for (PollutantMean mean : PollutantMeans.of(window)) {
            points.convert(mean, out);
        }
    }
}
