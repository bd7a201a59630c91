package io.invicta.jobs.cep;

import java.util.Arrays;

/**
 * An event on its way to the rules: its event time, type, the routing keys of every partitioning,
 * and the Avro record as binary. A flat POJO (Flink's PojoSerializer, no Kryo) so that it is cheap
 * to shuffle and to keep in the operator's keyed history; the record is decoded once, just before
 * Esper sees it.
 *
 * <p>{@link #compareTo} is the deterministic order events are released in: time, then type, then
 * sensor, then payload bytes, so events with equal timestamps from different partitions reach Esper
 * in the same order on every run and at every parallelism.
 */
public class CepEvent implements Comparable<CepEvent> {

    public long time;
    public int type;
    public String sensor;
    public String zone;
    public String vehicle;
    public byte[] payload;

    public CepEvent() {}

    public CepEvent(
            long time, int type, String sensor, String zone, String vehicle, byte[] payload) {
        this.time = time;
        this.type = type;
        this.sensor = sensor;
        this.zone = zone;
        this.vehicle = vehicle;
        this.payload = payload;
    }

    @Override
    public int compareTo(CepEvent o) {
        int c = Long.compare(time, o.time);
        if (c == 0) {
            c = Integer.compare(type, o.type);
        }
        if (c == 0) {
            c = compare(sensor, o.sensor);
        }
        return c != 0 ? c : Arrays.compare(payload, o.payload);
    }

    private static int compare(String a, String b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    }

    @Override
    public String toString() {
        return "CepEvent{time="
                + time
                + ", type="
                + type
                + ", sensor="
                + sensor
                + ", zone="
                + zone
                + "}";
    }
}
