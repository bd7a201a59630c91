package io.invicta.tools.replay;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields a record of a schema cannot be encoded without, as mapping paths: top-level fields
 * that are neither optional (a union with null) nor defaulted, and, for a required nested record
 * such as {@code location}, its own required fields ({@code location.lat}, {@code location.lon}).
 */
final class RequiredFields {

    private RequiredFields() {}

    static List<String> of(Schema record) {
        List<String> paths = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            if (optional(field)) {
                continue;
            }
            if (field.schema().getType() == Schema.Type.RECORD) {
                for (Schema.Field inner : field.schema().getFields()) {
                    if (!optional(inner)) {
                        paths.add(field.name() + "." + inner.name());
                    }
                }
            } else {
                paths.add(field.name());
            }
        }
        return paths;
    }

    private static boolean optional(Schema.Field field) {
        Schema s = field.schema();
        return field.hasDefaultValue()
                || s.getType() == Schema.Type.UNION
                        && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
    }
}
