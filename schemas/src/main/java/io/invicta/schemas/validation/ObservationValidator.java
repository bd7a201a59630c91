package io.invicta.schemas.validation;

import io.invicta.schemas.GeoPoint;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.time.Duration;
import java.time.Instant;

/**
 * The validator of one observation type: first the checks every type shares ({@link
 * Validator#timeAndPlace}: its {@code dateObserved} no further ahead of the wall clock than {@code
 * maxFuture}, its {@code location} a WGS84 point; {@link Identifiers}: its text fields such as ids
 * and zones), then the type's own {@link #values}.
 */
public abstract class ObservationValidator<T extends SpecificRecord> implements Validator<T> {

    private static final long serialVersionUID = 1L;

    private final long maxFutureMillis;
    private final int timePos;
    private final int locationPos;
    private final Identifiers identifiers;

    /**
     * @param schema the observation type's schema: where its {@code dateObserved} and {@code
     *     location} are
     */
    protected ObservationValidator(Duration maxFuture, Schema schema) {
        this.maxFutureMillis = maxFuture.toMillis();
        this.timePos = schema.getField("dateObserved").pos();
        this.locationPos = schema.getField("location").pos();
        this.identifiers = Identifiers.of(schema);
    }

    /** The type's own checks: null when the values are possible, else why not. */
    protected abstract String values(T observation);

    @Override
    public final String check(T observation, long nowMillis) {
        String where =
                Validator.timeAndPlace(
                        (Instant) observation.get(timePos),
                        (GeoPoint) observation.get(locationPos),
                        maxFutureMillis,
                        nowMillis);
        if (where != null) {
            return where;
        }
        String text = identifiers.check(observation);
        return text != null ? text : values(observation);
    }
}
