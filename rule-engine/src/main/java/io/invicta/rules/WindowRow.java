package io.invicta.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * One row of a named window of a module {@link Recovery#WINDOWS recovered from its windows}: the
 * module, the window, the partition key the row belongs to (the value of its partition column, or
 * {@code city}), the window's layout (a hash of its column names and types, so a row is never put
 * back into a window whose columns changed) and its values in the window's column order.
 */
public record WindowRow(String module, String window, String key, long layout, Object[] values) {

    /** The column types a row can hold: what {@link #encode} writes. */
    static final Set<Class<?>> TYPES =
            Set.of(String.class, Long.class, Integer.class, Double.class, Boolean.class);

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INTEGER = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;

    /** The values as bytes: a tag and the value for each column. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * values.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(layout);
            out.writeShort(values.length);
            for (Object v : values) {
                if (v == null) {
                    out.writeByte(NULL);
                } else if (v instanceof String s) {
                    out.writeByte(STRING);
                    out.writeUTF(s);
                } else if (v instanceof Long l) {
                    out.writeByte(LONG);
                    out.writeLong(l);
                } else if (v instanceof Integer i) {
                    out.writeByte(INTEGER);
                    out.writeInt(i);
                } else if (v instanceof Double d) {
                    out.writeByte(DOUBLE);
                    out.writeDouble(d);
                } else if (v instanceof Boolean b) {
                    out.writeByte(BOOLEAN);
                    out.writeBoolean(b);
                } else {
                    // The module check admits only the types above: this is a bug, not bad input.
                    throw new IllegalStateException(
                            "window " + window + " holds a " + v.getClass().getName());
                }
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
                byte tag = in.readByte();
                values[i] =
                        switch (tag) {
                            case NULL -> null;
                            case STRING -> in.readUTF();
                            case LONG -> in.readLong();
                            case INTEGER -> in.readInt();
                            case DOUBLE -> in.readDouble();
                            case BOOLEAN -> in.readBoolean();
                            default -> throw new IllegalStateException("bad column tag " + tag);
                        };
            }
            return new WindowRow(module, window, key, layout, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
