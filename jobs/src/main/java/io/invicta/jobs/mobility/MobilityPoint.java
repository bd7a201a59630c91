package io.invicta.jobs.mobility;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One windowed result of any mobility family: measurement, tags (ids, zone, lane, window), fields
 * and the window start. Field values are {@code Long} (counts) or {@code Double}; a NaN double
 * means "no data" and is not written.
 */
public final class MobilityPoint {

    public String measurement;
    public long windowStart;
    public LinkedHashMap<String, String> tags = new LinkedHashMap<>();
    public LinkedHashMap<String, Number> fields = new LinkedHashMap<>();

    public MobilityPoint() {}

    public MobilityPoint(String measurement, long windowStart) {
        this.measurement = measurement;
        this.windowStart = windowStart;
    }

    public MobilityPoint tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    public MobilityPoint field(String key, Number value) {
        fields.put(key, value);
        return this;
    }

    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MobilityPoint p
                && windowStart == p.windowStart
                && Objects.equals(measurement, p.measurement)
                && Objects.equals(tags, p.tags)
                && Objects.equals(fields, p.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measurement, windowStart, tags, fields);
    }

    @Override
    public String toString() {
        return measurement + tags + fields + "@" + windowStart;
    }
}
