package io.invicta.rules;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The column types a row of a window recovered from its rows can hold: how each is written in a
 * checkpoint ({@link WindowRow#encode}), named in the insert that puts a row back ({@link
 * ModuleWindows}), and admitted by the module check ({@link WindowsRecoveryCheck}).
 */
enum WindowColumn {
    STRING(String.class, null, "string"),
    LONG(Long.class, long.class, "long"),
    INT(Integer.class, int.class, "int"),
    DOUBLE(Double.class, double.class, "double"),
    BOOLEAN(Boolean.class, boolean.class, "boolean");

    /** The tag of a null value; a value's tag is its column type's ordinal + 1. */
    static final byte NULL = 0;

    private final Class<?> boxed;
    private final Class<?> primitive;

    /** The type's name in EPL (a substitution parameter's {@code ?::type}). */
    final String epl;

    WindowColumn(Class<?> boxed, Class<?> primitive, String epl) {
        this.boxed = boxed;
        this.primitive = primitive;
        this.epl = epl;
    }

    /** The column type of an Esper property type, or null if a row cannot hold it. */
    static WindowColumn of(Class<?> type) {
        for (WindowColumn c : values()) {
            if (c.boxed == type || (c.primitive != null && c.primitive == type)) {
                return c;
            }
        }
        return null;
    }

    static void write(Object value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        WindowColumn c = of(value.getClass());
        if (c == null) {
            // The module check admits only these types: this is a bug, not bad input.
            throw new IllegalStateException("a window row holds a " + value.getClass().getName());
        }
        out.writeByte(c.ordinal() + 1);
        switch (c) {
            case STRING -> out.writeUTF((String) value);
            case LONG -> out.writeLong((Long) value);
            case INT -> out.writeInt((Integer) value);
            case DOUBLE -> out.writeDouble((Double) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
        }
    }

    static Object read(DataInput in) throws IOException {
        byte tag = in.readByte();
        if (tag == NULL) {
            return null;
        }
        if (tag < 0 || tag > values().length) {
            throw new IllegalStateException("bad column tag " + tag);
        }
        return switch (values()[tag - 1]) {
            case STRING -> in.readUTF();
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
        };
    }
}
