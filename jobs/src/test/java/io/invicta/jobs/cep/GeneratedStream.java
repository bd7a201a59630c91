package io.invicta.jobs.cep;

import io.invicta.rules.EventTypes;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import io.invicta.tools.generate.GenerateCommand;

import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic city stream from the project's own generator ({@code scripts/generate --output}),
 * read back into memory: the single-object encoded records (what Kafka would deliver) and their
 * decoded form. For benchmarks and the ground-truth test of the shipped rules.
 */
public final class GeneratedStream {

    /**
     * The stream the in-JVM MiniCluster's source readers serve ({@link InterleavedStream}): same
     * JVM, no copying.
     */
    static volatile GeneratedStream current;

    final List<byte[]> encoded = new ArrayList<>();
    final List<Class<? extends SpecificRecord>> types = new ArrayList<>();

    /**
     * Decoded records in event-time order (ties in stream order); undecodable (corrupt) records
     * left out.
     */
    final List<SpecificRecord> sorted = new ArrayList<>();

    /** The decodable records in event-time order. */
    public List<SpecificRecord> decoded() {
        return sorted;
    }

    /** Runs the generator with {@code args} (plus --output) and reads its file. */
    public static GeneratedStream generate(Path dir, String... args) throws IOException {
        Path file = dir.resolve("stream.bin");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", file.toString(), "--progress", "PT0S"));
        int exit = new CommandLine(new GenerateCommand()).execute(all.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("generator failed with exit code " + exit);
        }
        return read(file);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static GeneratedStream read(Path file) throws IOException {
        GeneratedStream stream = new GeneratedStream();
        Map<Class<?>, AvroCodec<SpecificRecord>> codecs = new HashMap<>();
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                String topic;
                try {
                    topic = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                in.readFully(new byte[in.readInt()]);
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                // The generator writes each kind to its default topic (the event catalogue's).
                Class<? extends SpecificRecord> type = EventKind.named(topic).type();
                stream.encoded.add(value);
                stream.types.add(type);
                AvroCodec<SpecificRecord> codec =
                        codecs.computeIfAbsent(type, t -> (AvroCodec) Codecs.forType((Class) t));
                if (codec.decode(value) instanceof DecodeResult.Success<SpecificRecord> success) {
                    stream.sorted.add(success.value());
                }
            }
        }
        stream.sorted.sort(Comparator.comparingLong(EventTypes::eventTimeOf));
        return stream;
    }
}
