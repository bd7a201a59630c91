package io.invicta.tools.replay;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * How a mapping's data files are read: the {@code input} section (format, delimiter, quote,
 * encoding).
 */
final class MappingInput {

    private final MappingSpec.InputSpec spec;
    private final String format;

    MappingInput(MappingSpec.InputSpec spec) {
        this.spec = spec;
        this.format = spec.format() == null ? "csv" : spec.format();
        if (!format.equals("csv")
                && !format.equals("jsonl")
                && !format.equals("json-lines")
                && !format.equals("json")) {
            throw new IllegalArgumentException(
                    "input.format '" + format + "' is not csv, jsonl or json");
        }
        if (spec.records() != null && !format.equals("json")) {
            throw new IllegalArgumentException("input.records is for input.format json only");
        }
        delimiter(spec.delimiter());
        charset(spec.encoding());
    }

    /** The rows of one data file. */
    RowSource open(Path data) throws IOException {
        return switch (format) {
            case "csv" ->
                    new CsvRowSource(
                            data,
                            delimiter(spec.delimiter()),
                            spec.quote() == null || spec.quote().isEmpty()
                                    ? '"'
                                    : spec.quote().charAt(0),
                            charset(spec.encoding()));
            case "json" ->
                    new JsonDocumentRowSource(data, charset(spec.encoding()), spec.records());
            default -> new JsonLinesRowSource(data, charset(spec.encoding()));
        };
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
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    }
}
