package io.invicta.jobs.mobility;

/** A window accumulator that can write its result as the fields of a point. */
public interface WindowMetrics {

    void writeFields(MobilityPoint point);
}
