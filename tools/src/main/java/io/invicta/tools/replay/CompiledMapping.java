package io.invicta.tools.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping file checked against its target Avro schema and ready to run: row in, events out.
 * Every problem of the mapping itself is reported when it is loaded, with the key it concerns; problems of a
 * row are {@link RowRejectedException}s, and a row is mapped all or nothing.
 */
final class CompiledMapping {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path file;
    final String description;
    final MappingSpec.InputSpec input;
    final String topic;
    private final Schema schema;
    private final int keyPos;
    private final Map<String, Join> joins = new LinkedHashMap<>();
    private final MappingSpec.RangeSpec range;
    private final MappingSpec.JsonArraySpec jsonArray;
    private final Template validColumn;
    private final Set<String> validValues;
    private final EventTimeSpec time;
    private final FieldTarget timeField;
    private final List<Assignment> fields = new ArrayList<>();
    private final String codeColumn;
    private final Map<String, FieldTarget> codeTargets = new HashMap<>();
    private final ValueSource measurementValue;
    private final AvroCodec<SpecificRecord> codec;

    /** The outcome of one row: its events, the expansion entries skipped for their validity flag, or a filter. */
    record Result(List<ReplayEvent> events, int invalid, String filtered) {
    }

    private record Join(Template match, Map<String, Row> rows, String file) {
    }

    private record Assignment(FieldTarget target, ValueSource value) {
    }

    @SuppressWarnings("unchecked")
    private CompiledMapping(Path file, MappingSpec spec) throws IOException {
        this.file = file;
        this.description = spec.description();
        this.input = require(spec.input(), "input");
        MappingSpec.TargetSpec target = require(spec.target(), "target");
        Class<? extends SpecificRecord> type = typeNamed(require(target.type(), "target.type"));
        this.schema = SpecificData.get().getSchema(type);
        this.topic = require(target.topic(), "target.topic");
        Schema.Field key = schema.getField(target.key() == null ? "id" : target.key());
        if (key == null) {
            throw new IllegalArgumentException("target.key '" + target.key() + "' is not a field of " + schema.getName());
        }
        this.keyPos = key.pos();
        this.codec = AvroCodec.forSpecific((Class<SpecificRecord>) type, Codecs.shippedHistory());

        if (spec.joins() != null) {
            for (Map.Entry<String, MappingSpec.JoinSpec> e : spec.joins().entrySet()) {
                MappingSpec.JoinSpec j = e.getValue();
                Path side = file.resolveSibling(require(j.file(), "joins." + e.getKey() + ".file")).normalize();
                if (!Files.isReadable(side)) {
                    throw new IllegalArgumentException("joins." + e.getKey() + ".file: cannot read " + side);
                }
                Map<String, Row> rows = CsvRowSource.index(side, delimiter(j.delimiter()), charset(j.encoding()),
                        require(j.key(), "joins." + e.getKey() + ".key"));
                joins.put(e.getKey(), new Join(Template.compile(require(j.match(), "joins." + e.getKey() + ".match")),
                        rows, side.toString()));
            }
        }
        MappingSpec.ExpandSpec expand = spec.expand();
        this.range = expand == null ? null : expand.range();
        this.jsonArray = expand == null ? null : expand.jsonArray();
        if (expand != null && (range == null) == (jsonArray == null)) {
            throw new IllegalArgumentException("expand: give exactly one of 'range' or 'json-array'");
        }
        if (range != null && (range.var() == null || range.to() < range.from())) {
            throw new IllegalArgumentException("expand.range needs 'var' and from ≤ to");
        }
        if (jsonArray != null && jsonArray.column() == null) {
            throw new IllegalArgumentException("expand.json-array needs 'column'");
        }
        this.validColumn = spec.validIf() == null ? null : Template.compile(require(spec.validIf().column(), "valid-if.column"));
        this.validValues = spec.validIf() == null ? Set.of() : Set.copyOf(require(spec.validIf().in(), "valid-if.in"));

        this.time = new EventTimeSpec(spec.time());
        String timeFieldName = spec.time().field() == null ? "dateObserved" : spec.time().field();
        this.timeField = FieldTarget.resolve(schema, timeFieldName);
        if (!timeField.isTimestamp()) {
            throw new IllegalArgumentException("time.field '" + timeFieldName + "' is not a timestamp-millis field");
        }
        for (Map.Entry<String, MappingSpec.ValueSpec> e : require(spec.fields(), "fields").entrySet()) {
            FieldTarget t = FieldTarget.resolve(schema, e.getKey());
            fields.add(new Assignment(t, new ValueSource("fields." + e.getKey(), e.getValue(), joins.keySet())));
        }
        if (spec.measurement() != null) {
            MappingSpec.CodeSpec code = require(spec.measurement().field(), "measurement.field");
            this.codeColumn = require(code.column(), "measurement.field.column");
            for (Map.Entry<String, String> e : require(code.map(), "measurement.field.map").entrySet()) {
                codeTargets.put(e.getKey(), FieldTarget.resolve(schema, e.getValue()));
            }
            this.measurementValue = new ValueSource("measurement.value",
                    require(spec.measurement().value(), "measurement.value"), joins.keySet());
        } else {
            this.codeColumn = null;
            this.measurementValue = null;
        }
    }

    static CompiledMapping load(Path file) throws IOException {
        MappingSpec spec;
        try {
            spec = YAML.readValue(file.toFile(), MappingSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown key '" + e.getPropertyName() + "' at "
                    + e.getPathReference() + "; known keys: " + e.getKnownPropertyIds(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        try {
            return new CompiledMapping(file.toAbsolutePath(), spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    RowSource open(Path data) throws IOException {
        String format = input.format() == null ? "csv" : input.format();
        return switch (format) {
            case "csv" -> new CsvRowSource(data, delimiter(input.delimiter()),
                    input.quote() == null || input.quote().isEmpty() ? '"' : input.quote().charAt(0),
                    charset(input.encoding()));
            case "jsonl", "json-lines" -> new JsonLinesRowSource(data, charset(input.encoding()));
            default -> throw new IllegalArgumentException(file + ": input.format '" + format + "' is not csv or jsonl");
        };
    }

    /** Maps one row; throws {@link RowRejectedException} when any part of it is wrong. */
    Result map(Row row) {
        FieldTarget measured = null;
        if (codeColumn != null) {
            String code = column(row, codeColumn).strip();
            measured = codeTargets.get(code);
            if (measured == null) {
                return new Result(List.of(), 0, codeColumn + "=" + code + " not mapped");
            }
        }
        Map<String, Row> joined = joinRows(row);
        List<Scope> scopes = expand(row, joined);
        List<ReplayEvent> events = new ArrayList<>(scopes.size());
        int invalid = 0;
        for (Scope scope : scopes) {
            if (validColumn != null && !validValues.contains(column(row, validColumn.render(scope)).strip())) {
                invalid++;
                continue;
            }
            SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
            for (Assignment a : fields) {
                a.target().set(record, a.value().eval(scope, a.target()));
            }
            if (measured != null) {
                measured.set(record, measurementValue.eval(scope, measured));
            }
            long eventTime = time.eventTime(scope, scope.index);
            timeField.setTime(record, eventTime);
            byte[] value;
            try {
                value = codec.encode(record);
            } catch (RuntimeException e) {
                // A required field no mapping sets: a mapping error, but it shows per row.
                throw new RowRejectedException("incomplete-record", "cannot encode " + schema.getName() + ": " + e);
            }
            events.add(new ReplayEvent(eventTime, String.valueOf(record.get(keyPos)), value));
        }
        return new Result(events, invalid, null);
    }

    /** Re-encodes an event of this mapping with its event time moved by {@code shift} milliseconds. */
    byte[] shiftEventTime(byte[] value, long shift) {
        SpecificRecord record = ((DecodeResult.Success<SpecificRecord>) codec.decode(value)).value();
        timeField.setTime(record, ((java.time.Instant) timeField.get(record)).toEpochMilli() + shift);
        return codec.encode(record);
    }

    private Map<String, Row> joinRows(Row row) {
        if (joins.isEmpty()) {
            return Map.of();
        }
        Map<String, Row> joined = new HashMap<>();
        Scope rowOnly = new Scope(row, Map.of(), null, 0, Map.of());
        for (Map.Entry<String, Join> e : joins.entrySet()) {
            String key = e.getValue().match().render(rowOnly);
            Row side = e.getValue().rows().get(key);
            if (side == null) {
                throw new RowRejectedException("join-miss", "no row with key '" + key + "' in " + e.getValue().file());
            }
            joined.put(e.getKey(), side);
        }
        return joined;
    }

    private List<Scope> expand(Row row, Map<String, Row> joined) {
        if (range != null) {
            List<Scope> scopes = new ArrayList<>(range.to() - range.from() + 1);
            for (int v = range.from(); v <= range.to(); v++) {
                scopes.add(new Scope(row, Map.of(range.var(), Integer.toString(v)), null, v - range.from(), joined));
            }
            return scopes;
        }
        if (jsonArray != null) {
            String text = column(row, jsonArray.column());
            JsonNode array;
            try {
                array = JSON.readTree(text);
            } catch (IOException e) {
                throw new RowRejectedException("bad-json-array", jsonArray.column() + " is not JSON: " + abbreviate(text));
            }
            if (array == null || !array.isArray()) {
                throw new RowRejectedException("bad-json-array", jsonArray.column() + " is not a JSON array: " + abbreviate(text));
            }
            List<Scope> scopes = new ArrayList<>(array.size());
            String var = jsonArray.var() == null ? "i" : jsonArray.var();
            for (int i = 0; i < array.size(); i++) {
                scopes.add(new Scope(row, Map.of(var, Integer.toString(i)), array.get(i), i, joined));
            }
            return scopes;
        }
        return List.of(new Scope(row, Map.of(), null, 0, joined));
    }

    static String column(Row row, String name) {
        String value = row.get(name);
        if (value == null) {
            throw new RowRejectedException("missing-column", "no column '" + name + "'");
        }
        return value;
    }

    /** The names a template or value can see while one expansion entry of a row is mapped. */
    static final class Scope implements Template.Values {
        final Row row;
        final Map<String, String> vars;
        final JsonNode item;
        final int index;
        final Map<String, Row> joined;

        Scope(Row row, Map<String, String> vars, JsonNode item, int index, Map<String, Row> joined) {
            this.row = row;
            this.vars = vars;
            this.item = item;
            this.index = index;
            this.joined = joined;
        }

        @Override
        public String get(String name) {
            String v = vars.get(name);
            return v != null ? v : row.get(name);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends SpecificRecord> typeNamed(String name) {
        for (Schema s : Codecs.CURRENT_SCHEMAS) {
            if (s.getName().equals(name) || s.getFullName().equals(name)) {
                return (Class<? extends SpecificRecord>) SpecificData.get().getClass(s);
            }
        }
        throw new IllegalArgumentException("target.type '" + name + "' is not an Invicta event type; known: "
                + Codecs.CURRENT_SCHEMAS.stream().map(Schema::getName).toList());
    }

    static char delimiter(String d) {
        if (d == null || d.isEmpty()) {
            return ',';
        }
        if (d.equals("\\t") || d.equals("tab")) {
            return '\t';
        }
        if (d.length() != 1) {
            throw new IllegalArgumentException("delimiter must be one character, got '" + d + "'");
        }
        return d.charAt(0);
    }

    static Charset charset(String encoding) {
        return encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(encoding);
    }

    private static <T> T require(T value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return value;
    }
}
