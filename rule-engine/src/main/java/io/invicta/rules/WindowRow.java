package io.invicta.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One row of a named window of a module {@link Recovery#WINDOWS recovered from its windows}: the
 * module, the window, the partition key the row belongs to (the value of its partition column, or
 * {@code city}), the window's layout (a hash of its column names and types, so a row is never put
 * back into a window whose columns changed) and its values in the window's column order.
 */
public record WindowRow(String module, String window, String key, long layout, Object[] values) {

    /** The values as bytes: a tag and the value for each column. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * values.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(layout);
            out.writeShort(values.length);
            for (Object v : values) {
                WindowColumn.write(v, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static WindowRow decode(String module, String window, String key, byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            long layout = in.readLong();
            Object[] values = new Object[in.readShort()];
            for (int i = 0; i < values.length; i++) {
                values[i] = WindowColumn.read(in);
            }
            return new WindowRow(module, window, key, layout, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
