package io.invicta.sinks.influxdb;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An immutable InfluxDB point: measurement, tags (sorted by key, as InfluxDB recommends), fields
 * (double, long, boolean or string) and a timestamp with its unit. Its identity in InfluxDB is
 * measurement + tag set + timestamp: writing a point with the same identity again overwrites the
 * fields instead of adding a point.
 *
 * <p>The builder only checks the structure (no nulls, a timestamp, at least one field); what line
 * protocol cannot represent (line breaks in names, NaN, …) is found when the sink encodes the
 * point, which then rejects that one point with a reason instead of failing the job (see {@link
 * LineProtocol}).
 */
public final class InfluxPoint implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String measurement;
    private final String[] tagKeys;
    private final String[] tagValues;
    private final String[] fieldKeys;
    private final Object[] fieldValues;
    private final long time;
    private final TimeUnit timeUnit;

    private InfluxPoint(Builder b) {
        this.measurement = b.measurement;
        this.tagKeys = Arrays.copyOf(b.tagKeys, b.tags);
        this.tagValues = Arrays.copyOf(b.tagValues, b.tags);
        this.fieldKeys = Arrays.copyOf(b.fieldKeys, b.fields);
        this.fieldValues = Arrays.copyOf(b.fieldValues, b.fields);
        this.time = b.time;
        this.timeUnit = b.timeUnit;
    }

    public static Builder measurement(String measurement) {
        return new Builder(measurement);
    }

    public String measurement() {
        return measurement;
    }

    public int tagCount() {
        return tagKeys.length;
    }

    public String tagKey(int i) {
        return tagKeys[i];
    }

    public String tagValue(int i) {
        return tagValues[i];
    }

    /** The tag's value, or null. */
    public String tag(String key) {
        for (int i = 0; i < tagKeys.length; i++) {
            if (tagKeys[i].equals(key)) {
                return tagValues[i];
            }
        }
        return null;
    }

    public int fieldCount() {
        return fieldKeys.length;
    }

    public String fieldKey(int i) {
        return fieldKeys[i];
    }

    /** A {@link Double}, {@link Long}, {@link Boolean} or {@link String}. */
    public Object fieldValue(int i) {
        return fieldValues[i];
    }

    /** The field's value, or null. */
    public Object field(String key) {
        for (int i = 0; i < fieldKeys.length; i++) {
            if (fieldKeys[i].equals(key)) {
                return fieldValues[i];
            }
        }
        return null;
    }

    public long time() {
        return time;
    }

    public TimeUnit timeUnit() {
        return timeUnit;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InfluxPoint)) {
            return false;
        }
        InfluxPoint p = (InfluxPoint) o;
        return time == p.time
                && timeUnit == p.timeUnit
                && measurement.equals(p.measurement)
                && Arrays.equals(tagKeys, p.tagKeys)
                && Arrays.equals(tagValues, p.tagValues)
                && Arrays.equals(fieldKeys, p.fieldKeys)
                && Arrays.equals(fieldValues, p.fieldValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measurement, Arrays.hashCode(tagValues), time);
    }

    /**
     * Readable, not line protocol: control characters are shown as escapes so a log line stays one
     * line.
     */
    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("InfluxPoint{").append(LineProtocol.printable(measurement));
        for (int i = 0; i < tagKeys.length; i++) {
            sb.append(i == 0 ? " tags{" : ", ")
                    .append(LineProtocol.printable(tagKeys[i]))
                    .append('=')
                    .append(LineProtocol.printable(tagValues[i]));
        }
        sb.append(tagKeys.length > 0 ? "} fields{" : " fields{");
        for (int i = 0; i < fieldKeys.length; i++) {
            Object v = fieldValues[i];
            sb.append(i == 0 ? "" : ", ")
                    .append(LineProtocol.printable(fieldKeys[i]))
                    .append('=')
                    .append(
                            v instanceof String
                                    ? '"' + LineProtocol.printable((String) v) + '"'
                                    : String.valueOf(v));
        }
        return sb.append("} time=")
                .append(time)
                .append(' ')
                .append(timeUnit)
                .append('}')
                .toString();
    }

    /**
     * Builds one point; not thread-safe. Tags with a null or empty value are left out (InfluxDB
     * rejects them).
     */
    public static final class Builder {
        private final String measurement;
        private String[] tagKeys = new String[4];
        private String[] tagValues = new String[4];
        private int tags;
        private String[] fieldKeys = new String[4];
        private Object[] fieldValues = new Object[4];
        private int fields;
        private long time;
        private TimeUnit timeUnit;

        private Builder(String measurement) {
            this.measurement = Objects.requireNonNull(measurement, "measurement");
        }

        /**
         * Adds or replaces a tag; a null or empty value means "no such tag" (InfluxDB has no empty
         * tags).
         */
        public Builder tag(String key, String value) {
            Objects.requireNonNull(key, "tag key");
            int at = indexOf(tagKeys, tags, key);
            if (value == null || value.isEmpty()) {
                if (at >= 0) {
                    System.arraycopy(tagKeys, at + 1, tagKeys, at, tags - at - 1);
                    System.arraycopy(tagValues, at + 1, tagValues, at, tags - at - 1);
                    tags--;
                }
                return this;
            }
            if (at >= 0) {
                tagValues[at] = value;
                return this;
            }
            if (tags == tagKeys.length) {
                tagKeys = Arrays.copyOf(tagKeys, tags * 2);
                tagValues = Arrays.copyOf(tagValues, tags * 2);
            }
            // Insertion sort: points have a handful of tags, and sorted tags save InfluxDB work.
            int i = tags;
            while (i > 0 && tagKeys[i - 1].compareTo(key) > 0) {
                tagKeys[i] = tagKeys[i - 1];
                tagValues[i] = tagValues[i - 1];
                i--;
            }
            tagKeys[i] = key;
            tagValues[i] = value;
            tags++;
            return this;
        }

        public Builder field(String key, double value) {
            return putField(key, value);
        }

        public Builder field(String key, long value) {
            return putField(key, value);
        }

        public Builder field(String key, boolean value) {
            return putField(key, value);
        }

        public Builder field(String key, String value) {
            return putField(
                    key, Objects.requireNonNull(value, () -> "value of string field " + key));
        }

        public Builder time(long time, TimeUnit unit) {
            this.time = time;
            this.timeUnit = Objects.requireNonNull(unit, "time unit");
            return this;
        }

        /**
         * @throws IllegalStateException without a timestamp (a point without one would get the
         *     server's clock and a replay would duplicate it instead of overwriting) or without
         *     fields
         */
        public InfluxPoint build() {
            if (timeUnit == null) {
                throw new IllegalStateException(
                        "Point of "
                                + measurement
                                + " has no timestamp: set time(…) from the record, so that a replay"
                                + " overwrites the point instead of duplicating it");
            }
            if (fields == 0) {
                throw new IllegalStateException("Point of " + measurement + " has no fields");
            }
            return new InfluxPoint(this);
        }

        private Builder putField(String key, Object value) {
            Objects.requireNonNull(key, "field key");
            int at = indexOf(fieldKeys, fields, key);
            if (at >= 0) {
                fieldValues[at] = value;
                return this;
            }
            if (fields == fieldKeys.length) {
                fieldKeys = Arrays.copyOf(fieldKeys, fields * 2);
                fieldValues = Arrays.copyOf(fieldValues, fields * 2);
            }
            fieldKeys[fields] = key;
            fieldValues[fields++] = value;
            return this;
        }

        private static int indexOf(String[] keys, int n, String key) {
            for (int i = 0; i < n; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
