package io.invicta.tools.generate;

import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecordBase;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs the generator in memory and decodes what it produced. */
final class TestStreams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestStreams() {}

    /** One produced record. */
    record Rec(EventType type, byte[] key, byte[] value) {
        String keyString() {
            return new String(key, StandardCharsets.UTF_8);
        }
    }

    /** A finished in-memory run. */
    record Run(List<Rec> records, Summary summary, List<JsonNode> groundTruth) {
        List<JsonNode> truth(String type) {
            return groundTruth.stream().filter(n -> n.get("type").asText().equals(type)).toList();
        }
    }

    static final class CollectingSink implements EventSink {
        final List<Rec> records = new ArrayList<>();

        @Override
        public void send(EventType type, byte[] key, byte[] value) {
            records.add(new Rec(type, key, value));
        }

        @Override
        public void close() {}
    }

    static GeneratorConfig config(int sensors, int vehicles, String start, Duration duration) {
        GeneratorConfig c = new GeneratorConfig().split(sensors, vehicles);
        c.startMs = Instant.parse(start).toEpochMilli();
        c.durationMs = duration.toMillis();
        return c;
    }

    static Run run(GeneratorConfig config) {
        CollectingSink sink = new CollectingSink();
        StringWriter truth = new StringWriter();
        Summary summary;
        try (GroundTruth gt = new GroundTruth(truth)) {
            summary = new StreamGenerator(config, sink, gt).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : truth.toString().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new Run(sink.records, summary, lines);
    }

    /** Decoder per type; not thread-safe. */
    static final class Decoder {
        private final Map<EventType, AvroCodec<? extends SpecificRecordBase>> codecs =
                new EnumMap<>(EventType.class);

        @SuppressWarnings("unchecked")
        Decoder() {
            for (EventType type : EventType.ALL) {
                codecs.put(
                        type,
                        (AvroCodec<? extends SpecificRecordBase>)
                                (AvroCodec<?>) Codecs.forType(type.kind().type()));
            }
        }

        /** The decoded record, or null when the bytes do not decode. */
        SpecificRecordBase decode(Rec rec) {
            return decode(rec.type(), rec.value());
        }

        SpecificRecordBase decode(EventType type, byte[] value) {
            DecodeResult<? extends SpecificRecordBase> result = codecs.get(type).decode(value);
            return result instanceof DecodeResult.Success<? extends SpecificRecordBase> s
                    ? s.value()
                    : null;
        }
    }

    static long time(SpecificRecordBase record) {
        return ((Instant) record.get("dateObserved")).toEpochMilli();
    }

    static String id(SpecificRecordBase record) {
        return record.get("id").toString();
    }
}
