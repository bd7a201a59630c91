package io.invicta.schemas.codec;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Avro single-object encoding ({@code C3 01}, 8-byte little-endian CRC-64-AVRO fingerprint of the
 * writer schema, then the binary body) for one reader type.
 *
 * <p>Decoding finds the writer schema by fingerprint in a {@link SchemaHistory} and resolves it to
 * the reader schema, so producers and jobs on different (compatible) versions interoperate. Bad
 * input never throws: it comes back as a {@link DecodeResult.Failure} carrying the reason and the
 * raw bytes.
 *
 * <p>Not thread-safe: it reuses its encoder, decoder and buffers. Create one per thread or operator
 * instance.
 */
public final class AvroCodec<T> {

    static final byte MAGIC_0 = (byte) 0xC3;
    static final byte MAGIC_1 = (byte) 0x01;
    static final int HEADER_LENGTH = 10;

    private final Schema readerSchema;
    private final GenericData model;
    private final SchemaHistory history;
    private final byte[] header;
    private final DatumWriter<T> writer;
    // Resolved readers per writer fingerprint; a failed resolution is cached as its failure detail.
    private final Map<Long, DatumReader<T>> readers = new HashMap<>();
    private final Map<Long, String> incompatible = new HashMap<>();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    private AvroCodec(
            Schema readerSchema, GenericData model, SchemaHistory history, DatumWriter<T> writer) {
        this.readerSchema = readerSchema;
        this.model = model;
        this.history = history;
        this.writer = writer;
        this.header = header(SchemaHistory.fingerprint(readerSchema));
    }

    /**
     * A codec for a generated SpecificRecord class, reading every version known to {@code history}.
     */
    public static <T extends SpecificRecord> AvroCodec<T> forSpecific(
            Class<T> type, SchemaHistory history) {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        return new AvroCodec<>(schema, model, history, new SpecificDatumWriter<>(schema, model));
    }

    /**
     * A codec for generic records of {@code readerSchema} (tools, tests, schema evolution checks).
     */
    public static AvroCodec<GenericRecord> forGeneric(Schema readerSchema, SchemaHistory history) {
        GenericData model = GenericData.get();
        return new AvroCodec<>(
                readerSchema, model, history, new GenericDatumWriter<>(readerSchema, model));
    }

    public Schema readerSchema() {
        return readerSchema;
    }

    /** Encodes with the reader schema as the writer schema. */
    public byte[] encode(T record) {
        buffer.reset();
        buffer.write(header, 0, HEADER_LENGTH);
        encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + readerSchema.getFullName(), e);
        }
        return buffer.toByteArray();
    }

    /** Decodes one message; never throws for bad input. */
    public DecodeResult<T> decode(byte[] message) {
        if (message == null || message.length == 0) {
            return failure(DecodeFailureReason.EMPTY, "empty message", message);
        }
        if (message.length < HEADER_LENGTH || message[0] != MAGIC_0 || message[1] != MAGIC_1) {
            return failure(
                    DecodeFailureReason.BAD_HEADER,
                    "not Avro single-object encoded (expected C3 01 and an 8-byte fingerprint)",
                    message);
        }
        long fingerprint = readFingerprint(message);
        DatumReader<T> reader = readerFor(fingerprint);
        if (reader == null) {
            String why = incompatible.get(fingerprint);
            return why == null
                    ? failure(
                            DecodeFailureReason.UNKNOWN_FINGERPRINT,
                            String.format("unknown writer schema fingerprint %016x", fingerprint),
                            message)
                    : failure(DecodeFailureReason.INCOMPATIBLE_SCHEMA, why, message);
        }
        decoder =
                DecoderFactory.get()
                        .binaryDecoder(
                                message, HEADER_LENGTH, message.length - HEADER_LENGTH, decoder);
        try {
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                return failure(
                        DecodeFailureReason.CORRUPT_BODY, "bytes left after the record", message);
            }
            return new DecodeResult.Success<>(value);
        } catch (EOFException e) {
            return failure(
                    DecodeFailureReason.TRUNCATED, "body ends before the record does", message);
        } catch (IOException | RuntimeException e) {
            // Avro signals malformed bodies with a zoo of runtime exceptions (negative lengths, bad
            // union
            // indexes, invalid UTF-8, limits); all of them mean the same to us.
            return failure(
                    DecodeFailureReason.CORRUPT_BODY,
                    "body does not parse: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    message);
        }
    }

    private DatumReader<T> readerFor(long fingerprint) {
        DatumReader<T> reader = readers.get(fingerprint);
        if (reader != null || incompatible.containsKey(fingerprint)) {
            return reader;
        }
        Schema writerSchema = history.find(fingerprint);
        if (writerSchema == null) {
            return null;
        }
        SchemaCompatibility.SchemaPairCompatibility check =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            incompatible.put(
                    fingerprint,
                    "writer schema "
                            + writerSchema.getFullName()
                            + " cannot be read as "
                            + readerSchema.getFullName()
                            + ": "
                            + check.getDescription());
            return null;
        }
        reader = newReader(writerSchema);
        readers.put(fingerprint, reader);
        return reader;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(Schema writerSchema) {
        if (model instanceof SpecificData specific) {
            return new SpecificDatumReader<>(writerSchema, readerSchema, specific);
        }
        return (DatumReader<T>)
                new GenericDatumReader<GenericRecord>(writerSchema, readerSchema, model);
    }

    private DecodeResult<T> failure(DecodeFailureReason reason, String detail, byte[] raw) {
        return new DecodeResult.Failure<>(reason, detail, raw);
    }

    static byte[] header(long fingerprint) {
        byte[] h = new byte[HEADER_LENGTH];
        h[0] = MAGIC_0;
        h[1] = MAGIC_1;
        for (int i = 0; i < 8; i++) {
            h[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return h;
    }

    static long readFingerprint(byte[] message) {
        long fp = 0;
        for (int i = 0; i < 8; i++) {
            fp |= (message[2 + i] & 0xFFL) << (8 * i);
        }
        return fp;
    }
}
