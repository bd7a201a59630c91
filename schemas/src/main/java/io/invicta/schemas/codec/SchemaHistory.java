package io.invicta.schemas.codec;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every writer schema version a reader can meet on the wire, by CRC-64-AVRO fingerprint.
 *
 * <p>Older versions live as {@code .avsc} files in a classpath folder listed by an {@code
 * index.txt} ({@value #DEFAULT_FOLDER}); the current versions come from the generated classes. A
 * producer that moved to a newer version is readable by an older job as soon as that version is
 * added to the history the job ships with.
 */
public final class SchemaHistory {

    /** Where the shipped history of older schema versions lives on the classpath. */
    public static final String DEFAULT_FOLDER = "io/invicta/schemas/history";

    private final Map<Long, Schema> byFingerprint;

    private SchemaHistory(Map<Long, Schema> byFingerprint) {
        this.byFingerprint = Collections.unmodifiableMap(byFingerprint);
    }

    /** The current schemas plus every older version shipped in {@value #DEFAULT_FOLDER}. */
    public static SchemaHistory shipped(Collection<Schema> current) {
        return builder().addAll(current).addClasspathFolder(DEFAULT_FOLDER).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The 64-bit Rabin fingerprint of the schema's parsing canonical form, as single-object
     * encoding uses.
     */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The writer schema with this fingerprint, or null when unknown. */
    public Schema find(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    public int size() {
        return byFingerprint.size();
    }

    /** Collects schema versions; a later duplicate of the same fingerprint is ignored. */
    public static final class Builder {
        private final Map<Long, Schema> schemas = new LinkedHashMap<>();

        public Builder add(Schema schema) {
            schemas.putIfAbsent(fingerprint(schema), schema);
            return this;
        }

        public Builder addAll(Collection<Schema> all) {
            all.forEach(this::add);
            return this;
        }

        /**
         * Adds every {@code .avsc} named in {@code folder/index.txt} (one file name a line, #
         * comments).
         */
        public Builder addClasspathFolder(String folder) {
            ClassLoader loader = SchemaHistory.class.getClassLoader();
            for (String file : readIndex(loader, folder)) {
                String resource = folder + "/" + file;
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "Schema history index names a missing file: " + resource);
                    }
                    // A fresh parser per file: each old version redefines names the current version
                    // also uses.
                    add(new Schema.Parser().parse(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read schema " + resource, e);
                }
            }
            return this;
        }

        public SchemaHistory build() {
            return new SchemaHistory(new LinkedHashMap<>(schemas));
        }

        private static List<String> readIndex(ClassLoader loader, String folder) {
            List<String> files = new ArrayList<>();
            try (InputStream in = loader.getResourceAsStream(folder + "/index.txt")) {
                if (in == null) {
                    return files;
                }
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        files.add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + folder + "/index.txt", e);
            }
            return files;
        }
    }
}
