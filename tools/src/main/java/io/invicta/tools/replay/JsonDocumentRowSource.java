package io.invicta.tools.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A JSON document holding its records in one array (an open-data snapshot such as {@code {"meta":
 * …, "data": [ {…}, {…} ]}}): {@code input.records} is the dotted path of the array ({@code data},
 * {@code result.records}), empty when the document is the array. Streamed: the records are read one
 * at a time, however large the document. Each record is a row as a JSON line is ({@link
 * JsonLinesRowSource#row}); a record that is not an object is rejected ({@code bad-json}).
 */
final class JsonDocumentRowSource implements RowSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;

    JsonDocumentRowSource(Path file, Charset charset, String recordsPath) throws IOException {
        this.parser = JSON.getFactory().createParser(Files.newBufferedReader(file, charset));
        try {
            openArray(file, recordsPath == null ? "" : recordsPath.strip());
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** Moves the parser into the records array, or explains why there is none. */
    private void openArray(Path file, String path) throws IOException {
        JsonToken token = parser.nextToken();
        String where = path.isEmpty() ? "the document" : "'" + path + "'";
        if (!path.isEmpty()) {
            for (String segment : path.split("\\.")) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException(
                            file + ": no array at input.records " + where + " (not an object)");
                }
                token = fieldValue(segment);
                if (token == null) {
                    throw new IllegalArgumentException(
                            file
                                    + ": no array at input.records "
                                    + where
                                    + " (no field '"
                                    + segment
                                    + "')");
                }
            }
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(
                    file
                            + ": "
                            + where
                            + " is not an array of records"
                            + (path.isEmpty() ? "; name its path with input.records" : ""));
        }
    }

    /** In an object: the first token of the value of {@code name}, or null when it has none. */
    private JsonToken fieldValue(String name) throws IOException {
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(name)) {
                return value;
            }
            parser.skipChildren();
        }
        return null;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private JsonToken next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = parser.nextToken();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next != null && next != JsonToken.END_ARRAY;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                next = null;
                try {
                    long line = parser.currentTokenLocation().getLineNr();
                    JsonNode record = JSON.readTree(parser);
                    String text = record.toString();
                    return record.isObject()
                            ? JsonLinesRowSource.row(record, text, line)
                            : JsonLinesRowSource.broken(
                                    text,
                                    line,
                                    new RowRejectedException("bad-json", "not a JSON object"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
