package io.invicta.jobs.weather;

import io.invicta.domain.WindDirections;
import io.invicta.jobs.windows.DayCoverage;
import io.invicta.jobs.windows.Measurer;
import io.invicta.jobs.windows.Measures;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.schemas.WeatherObserved;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Weather in the shared windows: variables 0–4 are the scalar variables of {@link #VARIABLES}
 * (count, mean, min, max; precipitation also its total), 5 and 6 the east and north components of
 * the wind direction's unit vector, whose sums give the vector mean (an angle has no arithmetic
 * mean: 350° and 10° average to 0°, not 180°). Turns each window into one {@link WeatherStats} per
 * variable it has readings of.
 */
public final class WeatherMeasurer
        implements Measurer<WeatherObserved>, FlatMapFunction<WindowStats, WeatherStats> {

    private static final long serialVersionUID = 1L;

    /**
     * The variables with count/mean/min/max statistics, in variable order (precipitation also gets
     * its total).
     */
    public static final String[] VARIABLES = {
        "temperature", "relativeHumidity", "atmosphericPressure", "windSpeed", "precipitation"
    };

    /** Degrees clockwise from north the wind comes from; averaged as unit vectors. */
    public static final String WIND_DIRECTION = "windDirection";

    static final int WIND_EAST = VARIABLES.length;
    static final int WIND_NORTH = VARIABLES.length + 1;

    @Override
    public int variables() {
        return VARIABLES.length + 2;
    }

    @Override
    public String sensorId(WeatherObserved o) {
        return o.getId();
    }

    @Override
    public long timestamp(WeatherObserved o) {
        return o.getDateObserved().toEpochMilli();
    }

    @Override
    public String ownZone(WeatherObserved o) {
        return o.getZone();
    }

    @Override
    public double lat(WeatherObserved o) {
        return o.getLocation().getLat();
    }

    @Override
    public double lon(WeatherObserved o) {
        return o.getLocation().getLon();
    }

    @Override
    public boolean addTo(WeatherObserved o, Measures m) {
        boolean any =
                add(m, 0, o.getTemperature())
                        | add(m, 1, o.getRelativeHumidity())
                        | add(m, 2, o.getAtmosphericPressure())
                        | add(m, 3, o.getWindSpeed())
                        | add(m, 4, o.getPrecipitation());
        // In a calm (speed 0) the vane points anywhere: such a direction is noise, not a wind to
        // average.
        boolean calm = o.getWindSpeed() != null && o.getWindSpeed() == 0.0;
        Double direction = o.getWindDirection();
        if (present(direction) && !calm) {
            m.add(WIND_EAST, WindDirections.east(direction));
            m.add(WIND_NORTH, WindDirections.north(direction));
            any = true;
        }
        return any;
    }

    private static boolean add(Measures m, int variable, Double value) {
        if (!present(value)) {
            return false;
        }
        m.add(variable, value);
        return true;
    }

    private static boolean present(Double value) {
        return value != null && !value.isNaN();
    }

    @Override
    public void flatMap(WindowStats w, Collector<WeatherStats> out) {
        Measures m = w.stats;
        for (int v = 0; v < VARIABLES.length; v++) {
            if (m.count[v] > 0) {
                WeatherStats s = stats(w, VARIABLES[v], m.count[v]);
                s.sum = m.sum(v);
                s.mean = m.mean(v);
                s.min = m.min[v];
                s.max = m.max[v];
                s.coverage = DayCoverage.of(w, v);
                out.collect(s);
            }
        }
        long directions = m.count[WIND_EAST];
        if (directions > 0) {
            WeatherStats s = stats(w, WIND_DIRECTION, directions);
            s.mean = WindDirections.meanDegrees(m.sum(WIND_EAST), m.sum(WIND_NORTH), directions);
            s.resultantLength =
                    WindDirections.resultantLength(m.sum(WIND_EAST), m.sum(WIND_NORTH), directions);
            s.sum = Double.NaN;
            s.min = Double.NaN;
            s.max = Double.NaN;
            s.coverage = DayCoverage.of(w, WIND_EAST);
            out.collect(s);
        }
    }

    private static WeatherStats stats(WindowStats w, String variable, long count) {
        WeatherStats s = new WeatherStats();
        s.sensorId = w.sensorId;
        s.zone = w.zone;
        s.variable = variable;
        s.resolution = w.resolution;
        s.windowStart = w.windowStart;
        s.count = count;
        return s;
    }
}
