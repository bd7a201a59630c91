package io.invicta.tools.replay;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * CSV rows (RFC 4180 quoting, LF or CRLF, a UTF-8 byte-order mark skipped), columns named by the
 * header.
 *
 * <p>Records are cut here (a line break ends a record unless it is inside quotes) and each is
 * parsed on its own, so a record with broken quoting is one rejected row and the rows after it
 * still map. An unbalanced quote can swallow the lines up to the next quote; they are reported
 * together, with the first line's number.
 */
final class CsvRowSource implements RowSource {

    private final BufferedReader reader;
    private final CSVFormat format;
    private final char quote;
    private final Map<String, Integer> columns = new HashMap<>();
    private long line;

    CsvRowSource(Path file, char delimiter, char quote, Charset charset) throws IOException {
        this.reader =
                new BufferedReader(new InputStreamReader(skipBom(file, charset), charset), 1 << 16);
        this.quote = quote;
        this.format =
                CSVFormat.RFC4180
                        .builder()
                        .setDelimiter(delimiter)
                        .setQuote(quote)
                        .setTrim(false)
                        .get();
        String header = nextRecord();
        if (header == null) {
            throw new IllegalArgumentException(file + " is empty: a header line is expected");
        }
        List<String> names = parse(header);
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i).strip(), i);
        }
    }

    @Override
    public Set<String> columns() {
        return columns.keySet();
    }

    /** Reads a whole small CSV (a join side file) into rows keyed by one column. */
    static Map<String, Row> index(Path file, char delimiter, Charset charset, String keyColumn)
            throws IOException {
        Map<String, Row> byKey = new HashMap<>();
        try (CsvRowSource source = new CsvRowSource(file, delimiter, '"', charset)) {
            if (!source.columns.containsKey(keyColumn)) {
                throw new IllegalArgumentException(
                        "Join file "
                                + file
                                + " has no column '"
                                + keyColumn
                                + "'; it has "
                                + source.columns.keySet());
            }
            for (Row row : source) {
                byKey.put(row.get(keyColumn).strip(), row);
            }
        }
        return byKey;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private String next;
            private long nextLine;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    nextLine = line + 1;
                    next = nextRecord();
                    while (next != null && next.isEmpty()) {
                        nextLine = line + 1;
                        next = nextRecord();
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String text = next;
                next = null;
                return new CsvRow(text, nextLine);
            }
        };
    }

    /**
     * The next record's text (lines joined while a quote is open), or null at the end of the file.
     */
    private String nextRecord() {
        try {
            String first = reader.readLine();
            if (first == null) {
                return null;
            }
            line++;
            if (countQuotes(first) % 2 == 0) {
                return first;
            }
            StringBuilder record = new StringBuilder(first);
            int quotes = countQuotes(first);
            for (String more; quotes % 2 == 1 && (more = reader.readLine()) != null; ) {
                line++;
                record.append('\n').append(more);
                quotes += countQuotes(more);
            }
            return record.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int countQuotes(String text) {
        int n = 0;
        for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
            n++;
        }
        return n;
    }

    private List<String> parse(String text) {
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RowRejectedException(
                    "bad-csv", "not a well-formed CSV record: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static InputStream skipBom(Path file, Charset charset) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 3);
        if (charset.equals(StandardCharsets.UTF_8)) {
            byte[] head = new byte[3];
            int n = in.readNBytes(head, 0, 3);
            boolean bom =
                    n == 3
                            && (head[0] & 0xFF) == 0xEF
                            && (head[1] & 0xFF) == 0xBB
                            && (head[2] & 0xFF) == 0xBF;
            if (!bom && n > 0) {
                in.unread(head, 0, n);
            }
        }
        return in;
    }

    /** A record parsed on first access, so a malformed one is rejected where rows are mapped. */
    private final class CsvRow implements Row {
        private final String text;
        private final long line;
        private List<String> cells;

        CsvRow(String text, long line) {
            this.text = text;
            this.line = line;
        }

        @Override
        public String get(String column) {
            if (cells == null) {
                cells = parse(text);
            }
            Integer i = columns.get(column);
            return i == null || i >= cells.size() ? null : cells.get(i);
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public String text() {
            return text;
        }
    }
}
