package io.invicta.schemas.validation;

import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.VehiclePosition;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flink ships validators to the task managers by Java serialization: they must work the same after
 * it.
 */
class ValidatorSerializationTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aValidatorAndItsKindWorkAfterJavaSerialization() throws Exception {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");
        VehiclePosition ok =
                VehiclePosition.newBuilder()
                        .setVehicleId("taxi-1")
                        .setId("fix-1")
                        .setDateObserved(now)
                        .setLocation(new GeoPoint(41.15, -8.61))
                        .setSpeed(30.0)
                        .build();
        VehiclePosition offTheGlobe =
                VehiclePosition.newBuilder(ok).setLocation(new GeoPoint(95.0, 0.0)).build();

        EventKind<VehiclePosition> kind = roundTrip(EventKind.VEHICLE_POSITIONS);
        Validator<VehiclePosition> validator = roundTrip(kind.validator(Duration.ofHours(1)));

        assertThat(kind).isSameAs(EventKind.VEHICLE_POSITIONS);
        assertThat(validator.check(ok, now.toEpochMilli())).isNull();
        assertThat(validator.check(offTheGlobe, now.toEpochMilli())).contains("WGS84");
        assertThat(
                        validator.check(
                                VehiclePosition.newBuilder(ok).setSpeed(400.0).build(),
                                now.toEpochMilli()))
                .contains("speed");
    }
}
