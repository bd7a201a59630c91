package io.invicta.rules.testing;

import io.invicta.domain.Geo;
import io.invicta.rules.EventTypes;
import io.invicta.schemas.GeoPoint;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the Avro event of a test case from its YAML map: {@code type}, {@code at} (becomes {@code
 * dateObserved}), optional {@code lat}/{@code lon} (default: Porto's Avenida dos Aliados) and any
 * field of the type by its schema name. A missing {@code zone} becomes the location's geohash cell
 * (precision 6), as in the jobs' default zoning.
 */
final class TestEvents {

    static final double DEFAULT_LAT = 41.1496;
    static final double DEFAULT_LON = -8.6109;
    private static final int ZONE_PRECISION = 6;

    private TestEvents() {}

    static SpecificRecord create(Map<String, Object> spec, Long start) {
        Map<String, Object> values = new LinkedHashMap<>(spec);
        String typeName = String.valueOf(values.remove("type"));
        Class<? extends SpecificRecord> type = EventTypes.all().get(typeName);
        if (type == null) {
            throw new IllegalArgumentException(
                    "unknown event type '" + typeName + "' (one of " + EventTypes.names() + ")");
        }
        if (!values.containsKey("at")) {
            throw new IllegalArgumentException(typeName + " event without 'at'");
        }
        long at = TestTime.parse(values.remove("at"), start);
        double lat = number(values.remove("lat"), DEFAULT_LAT);
        double lon = number(values.remove("lon"), DEFAULT_LON);
        SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schemaOf(type));
        Schema schema = record.getSchema();
        record.put(schema.getField("dateObserved").pos(), Instant.ofEpochMilli(at));
        record.put(schema.getField("location").pos(), new GeoPoint(lat, lon));
        record.put(schema.getField("zone").pos(), Geo.geohash(lat, lon, ZONE_PRECISION));
        if (schema.getField("id") != null && !values.containsKey("id")) {
            record.put(schema.getField("id").pos(), "sensor-1");
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Schema.Field field = schema.getField(e.getKey());
            if (field == null) {
                throw new IllegalArgumentException(typeName + " has no field '" + e.getKey() + "'");
            }
            record.put(
                    field.pos(),
                    convert(field.schema(), e.getValue(), start, typeName + "." + e.getKey()));
        }
        return record;
    }

    private static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }

    private static Object convert(Schema schema, Object value, Long start, String where) {
        if (value == null) {
            return null;
        }
        Schema target = schema;
        if (schema.getType() == Schema.Type.UNION) {
            target =
                    schema.getTypes().stream()
                            .filter(s -> s.getType() != Schema.Type.NULL)
                            .findFirst()
                            .orElseThrow();
        }
        try {
            return switch (target.getType()) {
                case STRING -> String.valueOf(value);
                case DOUBLE -> ((Number) value).doubleValue();
                case FLOAT -> ((Number) value).floatValue();
                case INT -> ((Number) value).intValue();
                case LONG ->
                        target.getLogicalType() != null
                                ? (Object) Instant.ofEpochMilli(TestTime.parse(value, start))
                                : value instanceof Number n
                                        ? (Object) n.longValue()
                                        : (Object) TestTime.parse(value, start);
                case BOOLEAN ->
                        value instanceof Boolean b
                                ? b
                                : Boolean.parseBoolean(String.valueOf(value));
                default ->
                        throw new IllegalArgumentException(
                                "unsupported field type " + target.getType());
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(
                    where + ": '" + value + "' is not a " + target.getType(), e);
        }
    }

    private static double number(Object value, double fallback) {
        return value == null ? fallback : ((Number) value).doubleValue();
    }
}
