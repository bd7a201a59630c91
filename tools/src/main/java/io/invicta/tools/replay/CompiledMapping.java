package io.invicta.tools.replay;

import io.invicta.schemas.EventKind;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mapping file checked against its target Avro schema and ready to run: row in, events out. Every
 * problem of the mapping itself is reported when it is loaded, with the key it concerns; problems
 * of a row are {@link RowRejectedException}s, and a row is mapped all or nothing.
 */
final class CompiledMapping {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final Path file;
    final String description;
    final String topic;
    private final MappingInput input;
    private final Schema schema;
    private final int keyPos;
    private final RowScopes scopes;
    private final Template validColumn;
    private final Set<String> validValues;
    private final EventTimeSpec time;
    private final FieldTarget timeField;

    /** {@code dateObservedFrom} when the mapping sets an interval ({@code time.interval}). */
    private final FieldTarget intervalStart;

    private final List<Assignment> fields = new ArrayList<>();
    private final String codeColumn;
    private final Map<String, FieldTarget> codeTargets = new HashMap<>();
    private final ValueSource measurementValue;
    private final AvroCodec<SpecificRecord> codec;

    /**
     * The outcome of one row: its events, the expansion entries skipped for their validity flag, or
     * a filter.
     */
    /**
     * The outcome of one row: its events; the expansion entries skipped for their validity flag
     * ({@code invalid}) or for an empty measurement ({@code empty}); or why the row was filtered.
     */
    record Result(List<ReplayEvent> events, int invalid, int empty, String filtered) {}

    private record Assignment(FieldTarget target, ValueSource value) {}

    @SuppressWarnings("unchecked")
    private CompiledMapping(Path file, MappingSpec spec) throws IOException {
        this.file = file;
        this.description = spec.description();
        this.input = new MappingInput(require(spec.input(), "input"));
        MappingSpec.TargetSpec target = require(spec.target(), "target");
        EventKind<?> kind = kindNamed(require(target.type(), "target.type"));
        Class<? extends SpecificRecord> type = kind.type();
        this.schema = kind.schema();
        this.topic = target.topic() != null ? target.topic() : kind.defaultTopic();
        Schema.Field key = schema.getField(target.key() == null ? "id" : target.key());
        if (key == null) {
            throw new IllegalArgumentException(
                    "target.key '" + target.key() + "' is not a field of " + schema.getName());
        }
        this.keyPos = key.pos();
        this.codec = AvroCodec.forSpecific((Class<SpecificRecord>) type, Codecs.shippedHistory());

        this.scopes = new RowScopes(file, spec.joins(), spec.expand());
        this.validColumn =
                spec.validIf() == null
                        ? null
                        : Template.compile(require(spec.validIf().column(), "valid-if.column"));
        this.validValues =
                spec.validIf() == null
                        ? Set.of()
                        : Set.copyOf(require(spec.validIf().in(), "valid-if.in"));

        this.time = new EventTimeSpec(spec.time());
        String timeFieldName = spec.time().field() == null ? "dateObserved" : spec.time().field();
        this.timeField = FieldTarget.resolve(schema, timeFieldName);
        if (!timeField.isTimestamp()) {
            throw new IllegalArgumentException(
                    "time.field '" + timeFieldName + "' is not a timestamp-millis field");
        }
        this.intervalStart = time.intervalMillis() == 0 ? null : intervalStart(schema);
        for (Map.Entry<String, MappingSpec.ValueSpec> e :
                require(spec.fields(), "fields").entrySet()) {
            FieldTarget t = FieldTarget.resolve(schema, e.getKey());
            fields.add(
                    new Assignment(
                            t,
                            new ValueSource(
                                    "fields." + e.getKey(), e.getValue(), scopes.joinNames())));
        }
        if (spec.measurement() != null) {
            MappingSpec.CodeSpec code = require(spec.measurement().field(), "measurement.field");
            this.codeColumn = require(code.column(), "measurement.field.column");
            for (Map.Entry<String, String> e :
                    require(code.map(), "measurement.field.map").entrySet()) {
                codeTargets.put(e.getKey(), FieldTarget.resolve(schema, e.getValue()));
            }
            this.measurementValue =
                    new ValueSource(
                            "measurement.value",
                            require(spec.measurement().value(), "measurement.value"),
                            scopes.joinNames());
        } else {
            this.codeColumn = null;
            this.measurementValue = null;
        }
        requireEveryRequiredField(timeField.path());
    }

    /**
     * A required field of the target that no part of the mapping sets would fail every row at
     * encoding time; refuse the mapping now, naming the field.
     */
    private void requireEveryRequiredField(String timePath) {
        Set<String> set = new HashSet<>();
        set.add(timePath);
        fields.forEach(a -> set.add(a.target().path()));
        codeTargets.values().forEach(t -> set.add(t.path()));
        for (String path : RequiredFields.of(schema)) {
            if (!set.contains(path)) {
                throw new IllegalArgumentException(
                        "the mapping sets no value for "
                                + path
                                + ", which every "
                                + schema.getName()
                                + " needs: add fields."
                                + path);
            }
        }
    }

    static CompiledMapping load(Path file) throws IOException {
        MappingSpec spec;
        try {
            spec = YAML.readValue(file.toFile(), MappingSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(
                    file
                            + ": unknown key '"
                            + e.getPropertyName()
                            + "' at "
                            + e.getPathReference()
                            + "; known keys: "
                            + e.getKnownPropertyIds(),
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        try {
            return new CompiledMapping(file.toAbsolutePath(), spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rows of one data file, as the mapping's {@code input} says. A CSV file's header must name
     * every column the mapping reads: a placeholder that names no column (a typo, or {@code ${a-b}}
     * read as one name) is refused here, naming the file, instead of rejecting every row.
     */
    RowSource open(Path data) throws IOException {
        RowSource rows = input.open(data);
        Set<String> columns = rows.columns();
        if (columns != null) {
            Set<String> missing = new TreeSet<>(rowNames());
            missing.removeAll(columns);
            missing.removeAll(scopes.variables());
            if (!missing.isEmpty()) {
                rows.close();
                throw new IllegalArgumentException(
                        data
                                + " has no column "
                                + String.join(", ", missing)
                                + ", which the mapping reads; its columns are "
                                + new TreeSet<>(columns));
            }
        }
        return rows;
    }

    /** Every name the mapping reads from a row (expansion variables included). */
    private Set<String> rowNames() {
        Set<String> names = new HashSet<>(time.names());
        names.addAll(scopes.rowNames());
        fields.forEach(a -> names.addAll(a.value().rowNames(a.target().isOptional())));
        if (codeColumn != null) {
            names.add(codeColumn);
            names.addAll(measurementValue.rowNames(true));
        }
        if (validColumn != null) {
            names.addAll(validColumn.names());
        }
        return names;
    }

    /** Maps one row; throws {@link RowRejectedException} when any part of it is wrong. */
    Result map(Row row) {
        FieldTarget measured = null;
        if (codeColumn != null) {
            String code = RowScopes.column(row, codeColumn).strip();
            measured = codeTargets.get(code);
            if (measured == null) {
                return new Result(List.of(), 0, 0, codeColumn + "=" + code + " not mapped");
            }
        }
        List<RowScopes.Scope> entries = scopes.of(row);
        List<ReplayEvent> events = new ArrayList<>(entries.size());
        int invalid = 0;
        int empty = 0;
        for (RowScopes.Scope scope : entries) {
            if (validColumn != null
                    && !validValues.contains(
                            RowScopes.column(row, validColumn.render(scope)).strip())) {
                invalid++;
                continue;
            }
            Object measurement = measured == null ? null : measurementValue.eval(scope, measured);
            if (measured != null && measurement == null) {
                // An event without its measurement would be produced for nothing: the jobs ignore
                // it.
                empty++;
                continue;
            }
            SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
            for (Assignment a : fields) {
                a.target().set(record, a.value().eval(scope, a.target()));
            }
            if (measured != null) {
                measured.set(record, measurement);
            }
            long eventTime = time.eventTime(scope, scope.index);
            timeField.setTime(record, eventTime);
            if (intervalStart != null) {
                intervalStart.setTime(record, eventTime - time.intervalMillis());
            }
            byte[] value;
            try {
                value = codec.encode(record);
            } catch (RuntimeException e) {
                // A required field no mapping sets: a mapping error, but it shows per row.
                throw new RowRejectedException(
                        "incomplete-record", "cannot encode " + schema.getName() + ": " + e);
            }
            events.add(new ReplayEvent(eventTime, String.valueOf(record.get(keyPos)), value));
        }
        return new Result(events, invalid, empty, null);
    }

    /**
     * Re-encodes an event of this mapping with its event time moved by {@code shift} milliseconds.
     */
    byte[] shiftEventTime(byte[] value, long shift) {
        SpecificRecord record =
                ((DecodeResult.Success<SpecificRecord>) codec.decode(value)).value();
        timeField.setTime(record, ((Instant) timeField.get(record)).toEpochMilli() + shift);
        if (intervalStart != null) {
            intervalStart.setTime(
                    record, ((Instant) intervalStart.get(record)).toEpochMilli() + shift);
        }
        return codec.encode(record);
    }

    private static FieldTarget intervalStart(Schema schema) {
        FieldTarget start;
        try {
            start = FieldTarget.resolve(schema, INTERVAL_START);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "time.interval: "
                            + schema.getName()
                            + " has no "
                            + INTERVAL_START
                            + " (the start of an observed interval)",
                    e);
        }
        if (!start.isTimestamp()) {
            throw new IllegalArgumentException(
                    "time.interval: " + INTERVAL_START + " is not a timestamp-millis field");
        }
        return start;
    }

    private static final String INTERVAL_START = "dateObservedFrom";

    private static EventKind<?> kindNamed(String name) {
        try {
            return EventKind.named(name.substring(name.lastIndexOf('.') + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "target.type '"
                            + name
                            + "' is not an Invicta event type; known: "
                            + EventKind.all().stream().map(EventKind::typeName).toList(),
                    e);
        }
    }

    static <T> T require(T value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return value;
    }
}
