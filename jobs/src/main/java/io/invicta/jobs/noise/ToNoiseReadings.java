package io.invicta.jobs.noise;

import io.invicta.jobs.common.ZoneResolver;
import io.invicta.domain.Decibels;
import io.invicta.schemas.NoiseLevelObserved;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Observations with an LAeq become readings; the zone is the observation's own or its location's. */
public final class ToNoiseReadings implements FlatMapFunction<NoiseLevelObserved, NoiseReading> {

    private static final long serialVersionUID = 1L;

    private final ZoneResolver zones;

    public ToNoiseReadings(ZoneResolver zones) {
        this.zones = zones;
    }

    @Override
    public void flatMap(NoiseLevelObserved o, Collector<NoiseReading> out) {
        if (o.getLAeq() == null || o.getLAeq().isNaN()) {
            return;
        }
        long end = o.getDateObserved().toEpochMilli();
        double seconds = NoiseMeasurer.seconds(o);
        String zone = zones.zoneOf(o.getZone(), o.getLocation().getLat(), o.getLocation().getLon());
        out.collect(new NoiseReading(o.getId(), zone, end, seconds, Decibels.energy(o.getLAeq()) * seconds,
                o.getLAmax() == null ? Double.NaN : o.getLAmax()));
    }
}
