package io.invicta.rules;

import io.invicta.domain.Decibels;
import io.invicta.domain.ExactSum;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hourly form of an observation type: one event per sensor and clock hour, of the same Avro
 * type, under the name {@code <Type>Hourly} ({@code AirQualityObservedHourly}). Rules that look
 * back hours or days read it instead of every reading, so what the rules job keeps grows with the
 * sensors, not with their rate: a 24-hour running mean holds 24 events per sensor. The EU's own
 * methods are defined this way (2008/50/EC: 24-hour and 8-hour running means are means of hourly
 * values, and the hour is the clock hour).
 *
 * <p>Each measured field is the hour's {@link Aggregation}: the arithmetic mean (pollutants), the
 * energetic mean weighted by each observation's duration (sound levels, as the noise job computes
 * them) or the maximum (LAmax). A field with no reading in the hour is null. {@code id}, {@code
 * zone} and {@code location} are the sensor's newest reading's; {@code dateObserved} is the end of
 * the hour and, where the type has it, {@code dateObservedFrom} its start. An hourly event reaches
 * the rules at the last millisecond of its hour ({@link #releaseTime}), so a rule that batches
 * clock hours ({@code #time_batch(1 hour, 0L)}) sees it in its own hour.
 *
 * <p>The Flink job pre-aggregates in keyed state; the rule tests ({@link HourlyAggregator}) in
 * memory: both through {@link #add} and {@link #record}.
 */
public final class HourlyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String SUFFIX = "Hourly";
    public static final long HOUR_MS = 3_600_000L;

    /** How a field's readings of an hour make its hourly value. */
    public enum Aggregation {
        MEAN,
        ENERGETIC_MEAN,
        MAX
    }

    private static final List<HourlyForm> ALL =
            List.of(
                    new HourlyForm(
                            AirQualityObserved.class,
                            new String[] {"no2", "no", "nox", "pm10", "pm25", "o3", "so2", "co"},
                            new Aggregation[] {
                                Aggregation.MEAN,
                                Aggregation.MEAN,
                                Aggregation.MEAN,
                                Aggregation.MEAN,
                                Aggregation.MEAN,
                                Aggregation.MEAN,
                                Aggregation.MEAN,
                                Aggregation.MEAN
                            }),
                    new HourlyForm(
                            NoiseLevelObserved.class,
                            new String[] {"LAeq", "LAS", "LAmax"},
                            new Aggregation[] {
                                Aggregation.ENERGETIC_MEAN,
                                Aggregation.ENERGETIC_MEAN,
                                Aggregation.MAX
                            }));

    private final Class<? extends SpecificRecord> raw;
    private final String[] fields;
    private final Aggregation[] aggregations;

    /**
     * Schema positions of the aggregated fields and of {@code dateObservedFrom} (-1: none), looked
     * up once: {@link #add} runs per reading.
     */
    private final int[] positions;

    private final int fromPosition;

    private HourlyForm(
            Class<? extends SpecificRecord> raw, String[] fields, Aggregation[] aggregations) {
        this.raw = raw;
        this.fields = fields;
        this.aggregations = aggregations;
        Schema schema = SpecificData.get().getSchema(raw);
        positions = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            positions[i] = schema.getField(fields[i]).pos();
        }
        Schema.Field from = schema.getField("dateObservedFrom");
        fromPosition = from == null ? -1 : from.pos();
    }

    /** Every hourly form, in a stable order. */
    public static List<HourlyForm> all() {
        return ALL;
    }

    /** The form named {@code name} ({@code <Type>Hourly}), if there is one. */
    public static Optional<HourlyForm> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The event type rules name it by. */
    public String name() {
        return raw.getSimpleName() + SUFFIX;
    }

    /** The observation type it aggregates (and whose Avro type it has). */
    public Class<? extends SpecificRecord> rawType() {
        return raw;
    }

    public String rawName() {
        return raw.getSimpleName();
    }

    /** The field names aggregated, and how. */
    public Map<String, Aggregation> aggregations() {
        Map<String, Aggregation> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            map.put(fields[i], aggregations[i]);
        }
        return map;
    }

    /** Start of the clock hour an observation at {@code time} belongs to. */
    public static long hourOf(long time) {
        return Math.floorDiv(time, HOUR_MS) * HOUR_MS;
    }

    /** When the hourly event of the hour starting at {@code hourStart} reaches the rules. */
    public static long releaseTime(long hourStart) {
        return hourStart + HOUR_MS - 1;
    }

    /** An empty accumulator of the hour starting at {@code hourStart}. */
    public HourAccumulator start(long hourStart) {
        return new HourAccumulator(hourStart, fields.length);
    }

    /**
     * Adds one observation of this form's type (its zone already resolved: {@code zone}) to the
     * accumulator of its hour.
     */
    public void add(SpecificRecord observation, String zone, HourAccumulator acc) {
        long time = EventTypes.eventTimeOf(observation);
        double weight = durationSeconds(observation, time);
        for (int i = 0; i < fields.length; i++) {
            Object value = observation.get(positions[i]);
            if (!(value instanceof Number number)) {
                continue;
            }
            double x = number.doubleValue();
            if (!Double.isFinite(x)) {
                continue;
            }
            acc.counts[i]++;
            switch (aggregations[i]) {
                case MEAN -> acc.sums[i].add(x);
                case ENERGETIC_MEAN -> {
                    acc.sums[i].add(Decibels.energy(x) * weight);
                    acc.weights[i].add(weight);
                }
                case MAX -> acc.max[i] = Math.max(acc.max[i], x);
            }
        }
        GeoPoint location = EventTypes.locationOf(observation);
        acc.observe(time, zone, location.getLat(), location.getLon());
    }

    /**
     * Seconds the observation covers, for the energetic means: its interval when it has one (at
     * least 1 s), else 1.
     */
    private double durationSeconds(SpecificRecord o, long end) {
        if (fromPosition < 0 || !(o.get(fromPosition) instanceof Instant start)) {
            return 1.0;
        }
        return Math.max(1.0, (end - start.toEpochMilli()) / 1000.0);
    }

    /** The hourly event of {@code sensor} for the hour {@code acc} accumulated. */
    public SpecificRecord record(String sensor, HourAccumulator acc) {
        SpecificRecord r =
                (SpecificRecord)
                        SpecificData.get().newRecord(null, SpecificData.get().getSchema(raw));
        Schema schema = r.getSchema();
        r.put(schema.getField("id").pos(), sensor);
        r.put(schema.getField("dateObserved").pos(), Instant.ofEpochMilli(acc.hourStart + HOUR_MS));
        if (fromPosition >= 0) {
            r.put(fromPosition, Instant.ofEpochMilli(acc.hourStart));
        }
        r.put(schema.getField("location").pos(), new GeoPoint(acc.lat, acc.lon));
        r.put(schema.getField("zone").pos(), acc.zone);
        for (int i = 0; i < fields.length; i++) {
            r.put(positions[i], value(acc, i));
        }
        return r;
    }

    private Double value(HourAccumulator acc, int i) {
        if (acc.counts[i] == 0) {
            return null;
        }
        return switch (aggregations[i]) {
            case MEAN -> acc.sums[i].value() / acc.counts[i];
            case ENERGETIC_MEAN -> Decibels.level(acc.sums[i].value() / acc.weights[i].value());
            case MAX -> acc.max[i];
        };
    }

    /**
     * One sensor's readings of one clock hour: per field its count, exact sum (and exact sum of
     * weights for energetic means) and maximum, and the zone and location of the newest reading.
     * Exact sums make the hourly value independent of the order readings arrived in. A Flink POJO
     * (kept in the rules job's keyed state).
     */
    public static class HourAccumulator {
        public long hourStart;
        public long newest = Long.MIN_VALUE;
        public String zone;
        public double lat;
        public double lon;
        public long[] counts;
        public ExactSum[] sums;
        public ExactSum[] weights;
        public double[] max;

        public HourAccumulator() {}

        HourAccumulator(long hourStart, int fields) {
            this.hourStart = hourStart;
            counts = new long[fields];
            sums = new ExactSum[fields];
            weights = new ExactSum[fields];
            max = new double[fields];
            for (int i = 0; i < fields; i++) {
                sums[i] = new ExactSum();
                weights[i] = new ExactSum();
                max[i] = Double.NEGATIVE_INFINITY;
            }
        }

        /**
         * The newest reading names the zone and location; on a tie the smaller zone, so arrival
         * order never decides.
         */
        void observe(long time, String zone, double lat, double lon) {
            if (time > newest
                    || (time == newest
                            && zone != null
                            && (this.zone == null || zone.compareTo(this.zone) < 0))) {
                newest = time;
                this.zone = zone;
                this.lat = lat;
                this.lon = lon;
            }
        }
    }
}
