package io.invicta.schemas.codec;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.WeatherObserved;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.util.List;

/** Entry point for codecs of the Invicta event types, reading every shipped schema version. */
public final class Codecs {

    /** The current schema of every Invicta type, in one place. */
    public static final List<Schema> CURRENT_SCHEMAS = List.of(
            AirQualityObserved.getClassSchema(),
            NoiseLevelObserved.getClassSchema(),
            WeatherObserved.getClassSchema(),
            TrafficFlowObserved.getClassSchema(),
            OnStreetParking.getClassSchema(),
            BikeHireDockingStation.getClassSchema(),
            VehiclePosition.getClassSchema(),
            Alert.getClassSchema());

    private static final class Shipped {
        // Loaded on first use: parsing the history once per JVM, not per operator.
        static final SchemaHistory HISTORY = SchemaHistory.shipped(CURRENT_SCHEMAS);
    }

    private Codecs() {
    }

    /** Current and older schema versions shipped with this build. */
    public static SchemaHistory shippedHistory() {
        return Shipped.HISTORY;
    }

    /** A new (not thread-safe) codec for a generated type, reading every shipped version. */
    public static <T extends SpecificRecord> AvroCodec<T> forType(Class<T> type) {
        return AvroCodec.forSpecific(type, shippedHistory());
    }
}
