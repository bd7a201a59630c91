package io.invicta.jobs.mobility;

import io.invicta.domain.Geo;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.VehiclePosition;

import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Per vehicle (keyed by vehicleId): the move from the previous accepted fix, by haversine distance
 * over the time gap.
 *
 * <p>Only the previous fix is kept (ValueState). A fix whose time gap is not positive (duplicate or
 * out of order) is dropped and counted ({@code nonPositiveGaps}); one implying more than the speed
 * limit is dropped and counted ({@code implausibleJumps}) and the previous fix is kept, on the view
 * that a lone GPS glitch is likelier than a teleport (a vehicle that really moved is re-accepted
 * once its fixes are plausible again, at the latest after the inactivity timeout). After {@code
 * inactivity} of event time without an accepted fix, an event-time timer clears the state, so
 * vehicles that leave do not cost state forever.
 */
@VisibleForTesting
public final class VehicleSpeeds
        extends KeyedProcessFunction<String, VehiclePosition, VehicleMove> {

    private static final long serialVersionUID = 1L;

    /** The last accepted fix of a vehicle. */
    public static class Fix {
        public double lat;
        public double lon;
        public long time;

        public Fix() {}

        Fix(double lat, double lon, long time) {
            this.lat = lat;
            this.lon = lon;
            this.time = time;
        }
    }

    static final ValueStateDescriptor<Fix> LAST_FIX =
            new ValueStateDescriptor<>("last-fix", Fix.class);

    private final double maxKmh;
    private final long inactivityMillis;
    private final ZoneResolver zones;

    private transient ValueState<Fix> lastFix;
    private transient Counter implausibleJumps;
    private transient Counter nonPositiveGaps;

    public VehicleSpeeds(double maxKmh, Duration inactivity, ZoneResolver zones) {
        if (!(maxKmh > 0) || inactivity.isNegative() || inactivity.isZero()) {
            throw new IllegalArgumentException(
                    "Need a positive speed limit and inactivity timeout");
        }
        this.maxKmh = maxKmh;
        this.inactivityMillis = inactivity.toMillis();
        this.zones = zones;
    }

    @Override
    public void open(OpenContext openContext) {
        lastFix = getRuntimeContext().getState(LAST_FIX);
        implausibleJumps = getRuntimeContext().getMetricGroup().counter("implausibleJumps");
        nonPositiveGaps = getRuntimeContext().getMetricGroup().counter("nonPositiveGaps");
    }

    @Override
    public void processElement(VehiclePosition p, Context ctx, Collector<VehicleMove> out)
            throws Exception {
        double lat = p.getLocation().getLat();
        double lon = p.getLocation().getLon();
        long time = p.getDateObserved().toEpochMilli();
        String zone = zones.zoneOf(lat, lon);
        Fix previous = lastFix.value();
        if (previous == null) {
            out.collect(new VehicleMove(p.getVehicleId(), zone, time, 0, 0));
        } else {
            long gap = time - previous.time;
            if (gap <= 0) {
                nonPositiveGaps.inc();
                return;
            }
            double meters = Geo.haversineMeters(previous.lat, previous.lon, lat, lon);
            double seconds = gap / 1000.0;
            if (meters / seconds * 3.6 > maxKmh) {
                implausibleJumps.inc();
                return;
            }
            out.collect(new VehicleMove(p.getVehicleId(), zone, time, meters, seconds));
            ctx.timerService().deleteEventTimeTimer(previous.time + inactivityMillis);
        }
        lastFix.update(new Fix(lat, lon, time));
        ctx.timerService().registerEventTimeTimer(time + inactivityMillis);
    }

    @VisibleForTesting
    long implausibleJumps() {
        return implausibleJumps.getCount();
    }

    @VisibleForTesting
    long nonPositiveGaps() {
        return nonPositiveGaps.getCount();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<VehicleMove> out)
            throws Exception {
        Fix fix = lastFix.value();
        if (fix != null && timestamp >= fix.time + inactivityMillis) {
            lastFix.clear();
        }
    }
}
