package io.invicta.jobs.mobility;

import io.invicta.domain.SpeedHistogram;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.TrafficFlowObserved;

import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.HashMap;
import java.util.Map;

/**
 * Per traffic sensor (keyed by sensor id): a traffic observation becomes a {@link TrafficReading}
 * with its zone and its sensor's free-flow speed. That speed is, first match wins:
 *
 * <ol>
 *   <li>the sensor's configured speed ({@code mobility.free-flow-speeds}), whatever it observes;
 *   <li>when learning is on, the configured percentile of the speeds the sensor has observed so
 *       far, this observation included, once it has at least the configured number of them;
 *   <li>the default ({@code mobility.free-flow-speed}).
 * </ol>
 *
 * The learned value is the one at the time the observation is processed (records of one sensor
 * arrive in its Kafka partition's order), so a window's congestion index is not rewritten when the
 * estimate later moves. Learning keeps one {@link SpeedHistogram} per sensor (about 0.8 kB,
 * bounded); without learning there is no state.
 */
@VisibleForTesting
public final class TrafficReadings
        extends KeyedProcessFunction<String, TrafficFlowObserved, TrafficReading> {

    private static final long serialVersionUID = 1L;

    static final ValueStateDescriptor<SpeedHistogram> SPEEDS =
            new ValueStateDescriptor<>("observed-speeds", SpeedHistogram.class);

    private final ZoneResolver zones;
    private final double defaultFreeFlow;
    private final HashMap<String, Double> configured;

    /** Null when free-flow speeds are not learned. */
    private final FreeFlowLearning learning;

    private transient ValueState<SpeedHistogram> speeds;

    public TrafficReadings(
            ZoneResolver zones,
            double defaultFreeFlow,
            Map<String, Double> configured,
            FreeFlowLearning learning) {
        this.zones = zones;
        this.defaultFreeFlow = defaultFreeFlow;
        this.configured = new HashMap<>(configured);
        this.learning = learning;
    }

    @Override
    public void open(OpenContext openContext) {
        if (learning != null) {
            speeds = getRuntimeContext().getState(SPEEDS);
        }
    }

    @Override
    public void processElement(TrafficFlowObserved o, Context ctx, Collector<TrafficReading> out)
            throws Exception {
        out.collect(
                new TrafficReading(
                        o.getId(),
                        o.getLaneId() == null ? null : o.getLaneId().toString(),
                        zones.zoneOf(o.getLocation().getLat(), o.getLocation().getLon()),
                        o.getIntensity(),
                        o.getAverageVehicleSpeed(),
                        o.getOccupancy(),
                        o.getCongested(),
                        freeFlowSpeed(o)));
    }

    private double freeFlowSpeed(TrafficFlowObserved o) throws Exception {
        Double fixed = configured.get(o.getId());
        if (fixed != null || learning == null) {
            return fixed != null
                    ? fixed
                    : defaultFreeFlow; // a configured sensor learns nothing: no state for it
        }
        SpeedHistogram histogram = speeds.value();
        if (observesTraffic(o)) {
            histogram = histogram != null ? histogram : new SpeedHistogram();
            histogram.add(o.getAverageVehicleSpeed());
            speeds.update(histogram);
        }
        // Below the warm-up count a percentile is too noisy to judge congestion against (a sensor
        // that started in
        // rush hour would call its jam free flow), so the default stands in. At least 1 km/h:
        // speeds under
        // 0.5 km/h round to 0 and the congestion index divides by the free-flow speed.
        return histogram != null && histogram.observations >= learning.minObservations()
                ? Math.max(1, histogram.percentile(learning.percentile()))
                : defaultFreeFlow;
    }

    /**
     * A positive mean speed of an interval that had vehicles (or did not say): a speed vehicles
     * really drove.
     */
    private static boolean observesTraffic(TrafficFlowObserved o) {
        Double v = o.getAverageVehicleSpeed();
        return v != null && v > 0 && (o.getIntensity() == null || o.getIntensity() > 0);
    }
}
