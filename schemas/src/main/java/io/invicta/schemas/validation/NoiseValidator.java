package io.invicta.schemas.validation;

import io.invicta.schemas.NoiseLevelObserved;

import java.time.Duration;

/**
 * Refuses levels no sound level meter reports, reversed intervals, off-globe points and far-future
 * times.
 */
public final class NoiseValidator extends ObservationValidator<NoiseLevelObserved> {

    private static final long serialVersionUID = 1L;

    /** dB(A); 194 dB is the loudest undistorted sound in air. */
    static final double MAX_LEVEL = 194;

    public NoiseValidator(Duration maxFuture) {
        super(maxFuture, NoiseLevelObserved.getClassSchema());
    }

    @Override
    protected String values(NoiseLevelObserved o) {
        if (o.getDateObservedFrom() != null
                && o.getDateObservedFrom().isAfter(o.getDateObserved())) {
            return "dateObservedFrom "
                    + o.getDateObservedFrom()
                    + " is after dateObserved "
                    + o.getDateObserved();
        }
        for (Double level : new Double[] {o.getLAeq(), o.getLAmax(), o.getLAS()}) {
            if (level != null && !(level >= 0 && level <= MAX_LEVEL)) { // NaN too
                return "level " + level + " dB(A) is out of range [0, " + MAX_LEVEL + "]";
            }
        }
        return null;
    }
}
