package io.invicta.tools.replay;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A (possibly nested, dotted) field of the target Avro record, e.g. {@code no2} or {@code
 * location.lat}, and how a mapped value is converted to its type.
 */
final class FieldTarget {

    private final String path;
    private final int pos;
    private final Schema nestedSchema; // the record holding the leaf when nested, else null
    private final int nestedPos;
    private final Schema leaf;
    private final boolean optional;

    private FieldTarget(
            String path,
            int pos,
            Schema nestedSchema,
            int nestedPos,
            Schema leaf,
            boolean optional) {
        this.path = path;
        this.pos = pos;
        this.nestedSchema = nestedSchema;
        this.nestedPos = nestedPos;
        this.leaf = leaf;
        this.optional = optional;
    }

    static FieldTarget resolve(Schema record, String path) {
        String[] parts = path.split("\\.");
        if (parts.length > 2) {
            throw new IllegalArgumentException(
                    "Field '" + path + "': at most one level of nesting (e.g. location.lat)");
        }
        Schema.Field top = record.getField(parts[0]);
        if (top == null) {
            throw new IllegalArgumentException(
                    "Field '"
                            + parts[0]
                            + "' is not in "
                            + record.getName()
                            + "; its fields are "
                            + record.getFields().stream().map(Schema.Field::name).toList());
        }
        if (parts.length == 1) {
            Schema type = nonNull(top.schema());
            if (type.getType() == Schema.Type.RECORD) {
                throw new IllegalArgumentException(
                        "Field '"
                                + path
                                + "' is a record: map its fields, e.g. "
                                + path
                                + "."
                                + type.getFields().get(0).name());
            }
            return new FieldTarget(path, top.pos(), null, -1, type, isOptional(top.schema()));
        }
        Schema nested = nonNull(top.schema());
        Schema.Field inner =
                nested.getType() == Schema.Type.RECORD ? nested.getField(parts[1]) : null;
        if (inner == null) {
            throw new IllegalArgumentException(
                    "Field '" + path + "' is not in " + record.getName());
        }
        return new FieldTarget(
                path,
                top.pos(),
                nested,
                inner.pos(),
                nonNull(inner.schema()),
                isOptional(inner.schema()));
    }

    String path() {
        return path;
    }

    boolean isOptional() {
        return optional;
    }

    boolean isTimestamp() {
        return leaf.getLogicalType() instanceof LogicalTypes.TimestampMillis;
    }

    /** Converts a raw mapped value (text, number, boolean, or null) to the field's Java type. */
    Object convert(Object raw, boolean decimalComma) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return null;
        }
        String text = raw.toString().strip();
        try {
            return switch (leaf.getType()) {
                case STRING, ENUM -> text;
                case DOUBLE, FLOAT -> {
                    double d =
                            raw instanceof Number n
                                    ? n.doubleValue()
                                    : Double.parseDouble(
                                            decimalComma ? text.replace(',', '.') : text);
                    if (!Double.isFinite(d)) {
                        throw new RowRejectedException("not-finite", path + " is " + text);
                    }
                    yield leaf.getType() == Schema.Type.FLOAT ? (Object) (float) d : (Object) d;
                }
                case INT ->
                        raw instanceof Number n
                                ? Math.toIntExact(Math.round(n.doubleValue()))
                                : Integer.parseInt(text);
                case LONG -> raw instanceof Number n ? n.longValue() : Long.parseLong(text);
                case BOOLEAN -> parseBoolean(text);
                default ->
                        throw new RowRejectedException(
                                "unsupported-type", path + " has type " + leaf.getType());
            };
        } catch (NumberFormatException e) {
            throw new RowRejectedException(
                    "bad-number", path + ": '" + text + "' is not a " + leaf.getType().getName());
        } catch (ArithmeticException e) {
            throw new RowRejectedException("bad-number", path + ": '" + text + "' is out of range");
        }
    }

    /** Sets a converted value; a null into a required field is a reject. */
    void set(SpecificRecord record, Object value) {
        if (value == null && !optional) {
            throw new RowRejectedException("missing-value", path + " is required but empty");
        }
        if (nestedSchema == null) {
            record.put(pos, value);
            return;
        }
        SpecificRecord nested = (SpecificRecord) record.get(pos);
        if (nested == null) {
            nested = (SpecificRecord) SpecificData.get().newRecord(null, nestedSchema);
            record.put(pos, nested);
        }
        nested.put(nestedPos, value);
    }

    Object get(SpecificRecord record) {
        if (nestedSchema == null) {
            return record.get(pos);
        }
        SpecificRecord nested = (SpecificRecord) record.get(pos);
        return nested == null ? null : nested.get(nestedPos);
    }

    void setTime(SpecificRecord record, long epochMillis) {
        set(record, Instant.ofEpochMilli(epochMillis));
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "t" -> true;
            case "false", "0", "no", "n", "f" -> false;
            default ->
                    throw new RowRejectedException(
                            "bad-boolean", "'" + text + "' is not a boolean");
        };
    }

    static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        List<Schema> branches =
                schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (branches.size() != 1) {
            throw new IllegalArgumentException("Unsupported union " + schema);
        }
        return branches.get(0);
    }

    private static boolean isOptional(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }
}
