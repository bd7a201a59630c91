package io.invicta.tools.replay;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** CSV rows (RFC 4180 quoting, LF or CRLF, a UTF-8 byte-order mark skipped), columns named by the header. */
final class CsvRowSource implements RowSource {

    private final CSVParser parser;
    private final Map<String, Integer> columns;
    private final char delimiter;

    CsvRowSource(Path file, char delimiter, char quote, Charset charset) throws IOException {
        this.delimiter = delimiter;
        Reader reader = new BufferedReader(new InputStreamReader(skipBom(file, charset), charset), 1 << 16);
        this.parser = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote(quote)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get()
                .parse(reader);
        this.columns = new HashMap<>();
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i).strip(), i);
        }
    }

    /** Reads a whole small CSV (a join side file) into rows keyed by one column. */
    static Map<String, Row> index(Path file, char delimiter, Charset charset, String keyColumn) throws IOException {
        Map<String, Row> byKey = new HashMap<>();
        try (CsvRowSource source = new CsvRowSource(file, delimiter, '"', charset)) {
            if (!source.columns.containsKey(keyColumn)) {
                throw new IllegalArgumentException("Join file " + file + " has no column '" + keyColumn
                        + "'; it has " + source.columns.keySet());
            }
            for (Row row : source) {
                byKey.put(row.get(keyColumn).strip(), row);
            }
        }
        return byKey;
    }

    Map<String, Integer> columns() {
        return columns;
    }

    @Override
    public Iterator<Row> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            // The parser reads a record ahead in hasNext(); its line count then stands at the end of that
            // record, so a record starts on the line after the end of the previous one.
            private long previousEnd = parser.getCurrentLineNumber();
            private long start;
            private boolean fetched;

            @Override
            public boolean hasNext() {
                if (!fetched && records.hasNext()) {
                    start = previousEnd + 1;
                    previousEnd = parser.getCurrentLineNumber();
                    fetched = true;
                }
                return fetched;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                fetched = false;
                return new CsvRow(records.next(), columns, start, delimiter);
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static java.io.InputStream skipBom(Path file, Charset charset) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 3);
        if (charset.equals(StandardCharsets.UTF_8)) {
            byte[] head = new byte[3];
            int n = in.readNBytes(head, 0, 3);
            boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            if (!bom && n > 0) {
                in.unread(head, 0, n);
            }
        }
        return in;
    }

    private record CsvRow(CSVRecord record, Map<String, Integer> columns, long line, char delimiter) implements Row {
        @Override
        public String get(String column) {
            Integer i = columns.get(column);
            return i == null || i >= record.size() ? null : record.get(i);
        }

        @Override
        public String text() {
            return String.join(String.valueOf(delimiter), record.toList());
        }
    }
}
