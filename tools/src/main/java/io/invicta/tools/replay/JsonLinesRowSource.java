package io.invicta.tools.replay;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * JSON lines: one object per line. Columns are the object's fields, nested ones by dotted path
 * ({@code location.lat}); arrays and objects are kept as JSON text (e.g. for a json-array
 * expansion).
 */
final class JsonLinesRowSource implements RowSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader reader;

    JsonLinesRowSource(Path file, Charset charset) throws IOException {
        this.reader = Files.newBufferedReader(file, charset);
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private String next;
            private long line;
            private long nextLine;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null) {
                        String text = reader.readLine();
                        if (text == null) {
                            return false;
                        }
                        line++;
                        if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                            text = text.substring(1);
                        }
                        if (!text.isBlank()) {
                            next = text;
                            nextLine = line;
                        }
                    }
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String text = next;
                next = null;
                return parse(text, nextLine);
            }
        };
    }

    private static Row parse(String text, long line) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                return broken(
                        text, line, new RowRejectedException("bad-json", "not a JSON object"));
            }
            return row(node, text, line);
        } catch (JacksonException e) {
            return broken(
                    text,
                    line,
                    new RowRejectedException(
                            "bad-json", "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return broken(
                    text,
                    line,
                    new RowRejectedException("bad-json", "not valid JSON: " + e.getMessage()));
        }
    }

    /** The row of one JSON object: its fields, nested ones by dotted path. */
    static Row row(JsonNode object, String text, long line) {
        Map<String, String> columns = new HashMap<>();
        flatten("", object, columns);
        return new Row() {
            @Override
            public String get(String column) {
                return columns.get(column);
            }

            @Override
            public long line() {
                return line;
            }

            @Override
            public String text() {
                return text;
            }
        };
    }

    /** A record that is not a JSON object: every read of it rejects it with {@code failure}. */
    static Row broken(String text, long line, RowRejectedException failure) {
        return new Row() {
            @Override
            public String get(String column) {
                throw failure;
            }

            @Override
            public long line() {
                return line;
            }

            @Override
            public String text() {
                return text;
            }
        };
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        node.fields()
                .forEachRemaining(
                        e -> {
                            String name = prefix + e.getKey();
                            JsonNode value = e.getValue();
                            if (value.isObject()) {
                                out.put(name, value.toString());
                                flatten(name + ".", value, out);
                            } else if (value.isNull()) {
                                out.put(name, "");
                            } else {
                                out.put(
                                        name,
                                        value.isValueNode() ? value.asText() : value.toString());
                            }
                        });
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
