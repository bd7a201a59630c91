package io.invicta.schemas.validation;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The text fields of an observation (ids, zone, lane, trip): they become Kafka keys, InfluxDB tags,
 * state keys and alert text. Each must be at most {@link #MAX_LENGTH} characters with no control
 * character (a line break ends a line-protocol line: no escape exists) and no backslash (InfluxDB
 * 1.x cannot write one before a space, comma, equals sign or at a tag's end), as FIWARE NGSI asks
 * of entity ids; the ids must not be empty. Spaces, commas, equals signs and quotes are fine: the
 * sink escapes them.
 */
final class Identifiers implements Serializable {

    private static final long serialVersionUID = 1L;

    /** FIWARE NGSI v2's limit for entity ids and types. */
    static final int MAX_LENGTH = 256;

    private final String[] names;
    private final int[] positions;
    private final boolean[] required;

    private Identifiers(String[] names, int[] positions, boolean[] required) {
        this.names = names;
        this.positions = positions;
        this.required = required;
    }

    /** The string fields of {@code schema}, nullable ones included. */
    static Identifiers of(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            if (isString(f.schema())) {
                fields.add(f);
            }
        }
        String[] names = new String[fields.size()];
        int[] positions = new int[fields.size()];
        boolean[] required = new boolean[fields.size()];
        for (int i = 0; i < names.length; i++) {
            Schema.Field f = fields.get(i);
            names[i] = f.name();
            positions[i] = f.pos();
            required[i] = f.schema().getType() == Schema.Type.STRING; // not nullable
        }
        return new Identifiers(names, positions, required);
    }

    private static boolean isString(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            return s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.STRING);
        }
        return s.getType() == Schema.Type.STRING;
    }

    /** Null when every text field is acceptable, else why not. */
    String check(SpecificRecord record) {
        for (int i = 0; i < positions.length; i++) {
            Object value = record.get(positions[i]);
            if (value == null) {
                continue;
            }
            String problem = problem((CharSequence) value, required[i]);
            if (problem != null) {
                return names[i] + " " + problem;
            }
        }
        return null;
    }

    private static String problem(CharSequence s, boolean required) {
        int n = s.length();
        if (n == 0) {
            return required ? "is empty" : null;
        }
        if (n > MAX_LENGTH) {
            return "is " + n + " characters long, more than " + MAX_LENGTH;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "contains the control character U+" + String.format("%04X", (int) c);
            }
            if (c == '\\') {
                return "contains a backslash";
            }
        }
        return null;
    }
}
