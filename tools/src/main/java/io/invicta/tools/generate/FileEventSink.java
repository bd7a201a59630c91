package io.invicta.tools.generate;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes records to a file instead of Kafka (dry runs that keep the output): a sequence of {@code
 * [topic: UTF][key length: int][key][value length: int][value]} (java.io.DataOutput, big-endian).
 */
final class FileEventSink implements EventSink {

    private final DataOutputStream out;

    FileEventSink(Path file) throws IOException {
        this(Files.newOutputStream(file));
    }

    FileEventSink(OutputStream stream) {
        out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 20));
    }

    @Override
    public void send(EventType type, byte[] key, byte[] value) {
        try {
            out.writeUTF(type.topic());
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(value.length);
            out.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
