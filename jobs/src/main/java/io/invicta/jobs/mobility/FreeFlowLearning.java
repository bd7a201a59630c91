package io.invicta.jobs.mobility;

import java.io.Serializable;

/**
 * How traffic sensors learn their free-flow speed: the {@code percentile} of the speeds they
 * observed, trusted once a sensor has {@code minObservations} of them.
 */
public record FreeFlowLearning(double percentile, long minObservations) implements Serializable {

    public FreeFlowLearning {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException(
                    MobilityOptions.FREE_FLOW_PERCENTILE.key()
                            + " must be in (0, 100], got "
                            + percentile);
        }
        if (minObservations < 1) {
            throw new IllegalArgumentException(
                    MobilityOptions.FREE_FLOW_MIN_OBSERVATIONS.key()
                            + " must be at least 1, got "
                            + minObservations);
        }
    }
}
