package io.invicta.schemas.codec;

import io.invicta.schemas.Alert;
import io.invicta.schemas.EventKind;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.stream.Stream;

/** Entry point for codecs of the Invicta event types, reading every shipped schema version. */
public final class Codecs {

    /** The current schema of every Invicta type: the catalogued event kinds and the alerts. */
    public static final List<Schema> CURRENT_SCHEMAS =
            Stream.concat(
                            EventKind.all().stream().map(EventKind::schema),
                            Stream.of(Alert.getClassSchema()))
                    .toList();

    private static final class Shipped {
        // Loaded on first use: parsing the history once per JVM, not per operator.
        static final SchemaHistory HISTORY = SchemaHistory.shipped(CURRENT_SCHEMAS);
    }

    private Codecs() {}

    /** Current and older schema versions shipped with this build. */
    public static SchemaHistory shippedHistory() {
        return Shipped.HISTORY;
    }

    /** A new (not thread-safe) codec for a generated type, reading every shipped version. */
    public static <T extends SpecificRecord> AvroCodec<T> forType(Class<T> type) {
        return AvroCodec.forSpecific(type, shippedHistory());
    }
}
