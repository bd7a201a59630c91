package io.invicta.jobs.windows;

import io.invicta.domain.ExactSum;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The wire format of {@link WindowStats}, the record of every shuffle of the environment windows:
 * the strings, the window, the number of variables, a bit mask of the reported ones and then only
 * their count, exact sum (its expansion's terms), min and max; for local days the hours with
 * readings of every variable. Flink's POJO serializer (reflection per field, every array in full,
 * whether reported or not) took a quarter of the window operators' time. Records only: {@code
 * WindowStats} is never kept in state.
 */
public final class WindowStatsSerializer extends TypeSerializerSingleton<WindowStats> {

    private static final long serialVersionUID = 1L;
    public static final WindowStatsSerializer INSTANCE = new WindowStatsSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public WindowStats createInstance() {
        return new WindowStats();
    }

    @Override
    public WindowStats copy(WindowStats from) {
        WindowStats copy =
                new WindowStats(
                        from.sensorId,
                        from.zone,
                        from.resolution,
                        from.windowStart,
                        from.windowEnd,
                        from.stats == null ? null : from.stats.copy());
        copy.hours = from.hours == null ? null : from.hours.clone();
        return copy;
    }

    @Override
    public WindowStats copy(WindowStats from, WindowStats reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(WindowStats w, DataOutputView out) throws IOException {
        StringValue.writeString(w.sensorId, out);
        StringValue.writeString(w.zone, out);
        StringValue.writeString(w.resolution, out);
        out.writeLong(w.windowStart);
        out.writeLong(w.windowEnd);
        Measures s = w.stats;
        int reported = s.reported();
        out.writeByte(s.size());
        out.writeInt(reported);
        for (int p = 0; p < s.size(); p++) {
            if ((reported & (1 << p)) != 0) {
                out.writeLong(s.count[p]);
                ExactSum sum = s.sums[p];
                out.writeByte(sum.terms);
                for (int t = 0; t < sum.terms; t++) {
                    out.writeDouble(sum.term(t));
                }
                out.writeDouble(s.min[p]);
                out.writeDouble(s.max[p]);
            }
        }
        out.writeBoolean(w.hours != null);
        if (w.hours != null) {
            for (int h : w.hours) {
                out.writeInt(h);
            }
        }
    }

    @Override
    public WindowStats deserialize(DataInputView in) throws IOException {
        WindowStats w = new WindowStats();
        w.sensorId = StringValue.readString(in);
        w.zone = StringValue.readString(in);
        w.resolution = StringValue.readString(in);
        w.windowStart = in.readLong();
        w.windowEnd = in.readLong();
        Measures s = new Measures(in.readUnsignedByte());
        int reported = in.readInt();
        for (int p = 0; p < s.size(); p++) {
            if ((reported & (1 << p)) != 0) {
                s.count[p] = in.readLong();
                double[] terms = new double[in.readUnsignedByte()];
                for (int t = 0; t < terms.length; t++) {
                    terms[t] = in.readDouble();
                }
                s.sums[p] = ExactSum.ofTerms(terms);
                s.min[p] = in.readDouble();
                s.max[p] = in.readDouble();
            }
        }
        w.stats = s;
        if (in.readBoolean()) {
            w.hours = new int[s.size()];
            for (int v = 0; v < w.hours.length; v++) {
                w.hours[v] = in.readInt();
            }
        }
        return w;
    }

    @Override
    public WindowStats deserialize(WindowStats reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<WindowStats> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of the (stateless, versionless) serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowStats> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Makes Flink use this serializer wherever {@link WindowStats} is a record type. */
    public static final class Factory extends TypeInfoFactory<WindowStats> {
        @Override
        public TypeInformation<WindowStats> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new Info();
        }
    }

    /** Type information of {@link WindowStats} with this serializer. */
    public static final class Info extends TypeInformation<WindowStats> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<WindowStats> getTypeClass() {
            return WindowStats.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<WindowStats> createSerializer(SerializerConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "WindowStats";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Info;
        }

        @Override
        public int hashCode() {
            return Info.class.hashCode();
        }

        @Override
        public boolean canEqual(Object o) {
            return o instanceof Info;
        }
    }
}
