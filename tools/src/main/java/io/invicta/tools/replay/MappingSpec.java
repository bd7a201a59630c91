package io.invicta.tools.replay;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.Map;

/**
 * The YAML mapping file, as written (kebab-case keys). {@link CompiledMapping} checks it against
 * the target Avro schema and turns it into something fast to run; docs/REPLAY.md documents every
 * key.
 */
record MappingSpec(
        String description,
        InputSpec input,
        TargetSpec target,
        Map<String, JoinSpec> joins,
        ExpandSpec expand,
        ValidIfSpec validIf,
        TimeSpec time,
        Map<String, ValueSpec> fields,
        MeasurementSpec measurement) {

    /**
     * How to read the input file; {@code records}: for a JSON document, the dotted path of its
     * array of records.
     */
    record InputSpec(
            String format,
            String delimiter,
            Boolean header,
            String encoding,
            String quote,
            String records) {}

    /**
     * What to produce: the Avro type (by simple name), its default topic, the field used as the
     * record key.
     */
    record TargetSpec(String type, String topic, String key) {}

    /**
     * A side file (CSV), looked up by its {@code key} column with the row's rendered {@code match}
     * template.
     */
    record JoinSpec(String file, String delimiter, String encoding, String key, String match) {}

    /**
     * One row → several events: over an integer range, or over the elements of a JSON-array column.
     */
    record ExpandSpec(RangeSpec range, JsonArraySpec jsonArray) {}

    record RangeSpec(String var, int from, int to) {}

    record JsonArraySpec(String column, String var) {}

    /** An event is produced only when this column (a template) holds one of the values. */
    record ValidIfSpec(String column, List<String> in) {}

    /**
     * Event time: a rendered template parsed with {@code format} (a DateTimeFormatter pattern read
     * in {@code zone}, or epoch-seconds, epoch-millis, iso-instant), plus {@code step} × the
     * expansion index.
     */
    /**
     * {@code shift}: an ISO-8601 duration added to every event time (e.g. {@code -PT1H} for a feed
     * that stamps the end of an hourly interval while the event time is its start).
     */
    /**
     * {@code interval}: an ISO-8601 duration; the observation covers the interval of that length
     * ending at its event time, whose start goes to {@code dateObservedFrom}.
     */
    record TimeSpec(
            String template,
            String format,
            String zone,
            String step,
            String shift,
            String field,
            String interval) {}

    /**
     * A field whose name comes from a code column (e.g. a pollutant code), and the value it gets.
     */
    record MeasurementSpec(CodeSpec field, ValueSpec value) {}

    record CodeSpec(String column, Map<String, String> map) {}

    /**
     * Where a field's value comes from: exactly one of template, expr (a CEL expression over the
     * row), column, constant, join (+ column), item; then optional parsing ({@code parse:
     * number|dms}, {@code decimal-comma}) and a linear unit conversion ({@code multiply}, then
     * {@code add}). A plain YAML string is a template.
     */
    static final class ValueSpec {
        public String template;
        public String expr;
        public String column;
        public Object constant;
        public String join;
        public Integer item;
        public String parse;
        public Boolean decimalComma;
        public Double multiply;
        public Double add;

        public ValueSpec() {}

        @JsonCreator
        ValueSpec(String template) {
            this.template = template;
        }
    }
}
