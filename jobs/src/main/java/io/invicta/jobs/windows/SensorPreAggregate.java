package io.invicta.jobs.windows;

import io.invicta.jobs.zones.ZoneResolver;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Local pre-aggregation before the shuffle to {@link SensorWindows} (what Flink SQL's local-global
 * aggregation does): the observations of a sensor within one slice of time (the greatest length
 * every window is a multiple of, 1 min by default) become one {@link WindowStats} of all their
 * variables (as the type's {@link Measurer} adds them), so one record crosses the network per
 * sensor and slice instead of one per observation, and the zone (ZoneResolver: polygon or geohash
 * of the location) is computed once per sensor location.
 *
 * <p>Nothing is held across a watermark, a checkpoint or idleness: every slice is emitted before
 * the watermark that follows it is forwarded (so downstream windows see all their data before they
 * fire, and a late reading accepted by the lateness gate reaches its window before the window is
 * dropped), in {@link #prepareSnapshotPreBarrier} (so this operator needs no state), when the input
 * goes idle, and at the end of the input. A sensor's slice is also emitted as soon as one of its
 * observations belongs to another slice or zone.
 */
public final class SensorPreAggregate<T> extends AbstractStreamOperator<WindowStats>
        implements OneInputStreamOperator<T, WindowStats> {

    private static final long serialVersionUID = 1L;

    private final long sliceMs;
    private final ZoneResolver zones;
    private final Measurer<T> measurer;
    private transient Map<String, Slot> slots;

    /** The observations of one sensor in the current slice, and the zone of its last location. */
    private static final class Slot {
        double lat = Double.NaN;
        double lon = Double.NaN;
        String locationZone;
        String zone;
        long start;
        long maxTimestamp;
        Measures stats; // null: nothing since the last emission
    }

    public SensorPreAggregate(Duration slice, ZoneResolver zones, Measurer<T> measurer) {
        this.sliceMs = slice.toMillis();
        this.zones = zones;
        this.measurer = measurer;
    }

    /**
     * The greatest length that divides each window length, an hour and 15 min (local days start on
     * those).
     */
    public static Duration sliceFor(Duration... windows) {
        long gcd = Duration.ofMinutes(15).toMillis();
        for (Duration w : windows) {
            gcd = gcd(gcd, w.toMillis());
        }
        return Duration.ofMillis(gcd(gcd, Duration.ofHours(1).toMillis()));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public void open() throws Exception {
        super.open();
        slots = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<T> record) {
        T o = record.getValue();
        String sensorId = measurer.sensorId(o);
        Slot slot = slots.get(sensorId);
        if (slot == null) {
            slot = new Slot();
            slots.put(sensorId, slot);
        }
        long timestamp = measurer.timestamp(o);
        long start = TimeWindow.getWindowStartWithOffset(timestamp, 0, sliceMs);
        String zone = zoneOf(slot, o);
        if (slot.stats != null && (slot.start != start || !slot.zone.equals(zone))) {
            emit(sensorId, slot);
        }
        boolean fresh = slot.stats == null;
        Measures stats = fresh ? new Measures(measurer.variables()) : slot.stats;
        if (!measurer.addTo(o, stats)) {
            return; // an observation without any value makes no window
        }
        slot.stats = stats;
        slot.start = start;
        slot.zone = zone;
        slot.maxTimestamp = fresh ? timestamp : Math.max(slot.maxTimestamp, timestamp);
    }

    /**
     * The observation's own zone, or else its {@link ZoneResolver} zone (computed when the location
     * moves).
     */
    private String zoneOf(Slot slot, T o) {
        String own = measurer.ownZone(o);
        if (own != null && !own.isBlank()) {
            return own;
        }
        double lat = measurer.lat(o);
        double lon = measurer.lon(o);
        if (slot.locationZone == null || lat != slot.lat || lon != slot.lon) {
            slot.lat = lat;
            slot.lon = lon;
            slot.locationZone = zones.zoneOf(lat, lon);
        }
        return slot.locationZone;
    }

    private void emit(String sensorId, Slot slot) {
        output.collect(
                new StreamRecord<>(
                        new WindowStats(
                                sensorId,
                                slot.zone,
                                "slice",
                                slot.start,
                                slot.start + sliceMs,
                                slot.stats),
                        slot.maxTimestamp));
        slot.stats = null;
    }

    private void flush() {
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            if (e.getValue().stats != null) {
                emit(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        if (status.isIdle()) {
            flush(); // an idle input no longer holds the downstream watermark back
        }
        super.processWatermarkStatus(status);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }
}
