package io.invicta.jobs.airquality;

import io.invicta.schemas.AirQualityObserved;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Splits an observation into one reading per reported pollutant. */
public final class ToPollutantReadings implements FlatMapFunction<AirQualityObserved, PollutantReading> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(AirQualityObserved observation, Collector<PollutantReading> out) {
        long timestamp = observation.getDateObserved().toEpochMilli();
        for (Pollutant pollutant : Pollutant.all()) {
            Double value = pollutant.read(observation);
            // NaN is no measurement; validation of ranges comes with the metrics jobs.
            if (value != null && !value.isNaN()) {
                out.collect(new PollutantReading(observation.getId(), pollutant, timestamp, value));
            }
        }
    }
}
