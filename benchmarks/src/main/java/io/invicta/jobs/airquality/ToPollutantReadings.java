package io.invicta.jobs.airquality;

import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.AirQualityObserved;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Splits an observation into one reading per reported pollutant, with its zone: the observation's
 * own, or else the zone of its location ({@link ZoneResolver}).
 */
public final class ToPollutantReadings
        implements FlatMapFunction<AirQualityObserved, PollutantReading> {

    private static final long serialVersionUID = 1L;

    private final ZoneResolver zones;

    public ToPollutantReadings(ZoneResolver zones) {
        this.zones = zones;
    }

    @Override
    public void flatMap(AirQualityObserved observation, Collector<PollutantReading> out) {
        long timestamp = observation.getDateObserved().toEpochMilli();
        String zone =
                zones.zoneOf(
                        observation.getZone(),
                        observation.getLocation().getLat(),
                        observation.getLocation().getLon());
        for (Pollutant pollutant : Pollutant.all()) {
            Double value = pollutant.read(observation);
            // NaN is no measurement; validation of ranges comes with the metrics jobs.
            if (value != null && !value.isNaN()) {
                out.collect(
                        new PollutantReading(
                                observation.getId(), zone, pollutant, timestamp, value));
            }
        }
    }
}
