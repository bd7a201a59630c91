package io.invicta.jobs.airquality;

import io.invicta.schemas.AirQualityObserved;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * What crosses the shuffle to the per-sensor windows: an observation in a few primitive fields (Flink's POJO
 * serializer, no Avro or Kryo). The zone is derived after the shuffle, once per sensor location, not per record.
 */
public class SensorObservation {

    public String sensorId;
    /** The observation's own zone, or null when it has none (its location's geohash cell is used then). */
    public String zone;
    public double lat;
    public double lon;
    public long timestamp;
    /** Bit p set: pollutant ordinal p was reported; its value is the next one in {@link #values}. */
    public int present;
    /** The reported concentrations, packed in pollutant ordinal order. */
    public double[] values;

    public SensorObservation() {
    }

    /** Converts observations; one without any concentration (NaN counts as none) makes no windows and is dropped. */
    public static final class FromAirQuality implements FlatMapFunction<AirQualityObserved, SensorObservation> {
        private static final long serialVersionUID = 1L;
        private static final Pollutant[] ALL = Pollutant.all();

        @Override
        public void flatMap(AirQualityObserved observation, Collector<SensorObservation> out) {
            double[] buffer = new double[ALL.length];
            int present = 0;
            int n = 0;
            for (Pollutant pollutant : ALL) {
                Double value = pollutant.read(observation);
                if (value != null && !value.isNaN()) {
                    present |= 1 << pollutant.ordinal();
                    buffer[n++] = value;
                }
            }
            if (present == 0) {
                return;
            }
            SensorObservation o = new SensorObservation();
            o.sensorId = observation.getId();
            String zone = observation.getZone();
            o.zone = zone != null && !zone.isBlank() ? zone : null;
            o.lat = observation.getLocation().getLat();
            o.lon = observation.getLocation().getLon();
            o.timestamp = observation.getDateObserved().toEpochMilli();
            o.present = present;
            o.values = n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n);
            out.collect(o);
        }
    }
}
