package io.invicta.jobs.windows;

import java.io.Serializable;

/**
 * What the shared sensor and zone windows need to know of one observation type: whose it is, when
 * and where it was made, and how it adds to the window's {@link Measures}. Each environment job has
 * one (air quality: the pollutants; noise: energies, durations and LAmax; weather: the scalar
 * variables and the wind-direction vector).
 *
 * <p>The getters are the Avro record's own (the generated classes share no interface); keeping them
 * in one place per type lets {@link SensorPreAggregate} read the fields directly, without a
 * megamorphic call per field.
 */
public interface Measurer<T> extends Serializable {

    /**
     * Number of variables of {@link Measures} this type fills (at most {@link
     * Measures#MAX_VARIABLES}).
     */
    int variables();

    String sensorId(T observation);

    /** Event time, epoch milliseconds. */
    long timestamp(T observation);

    /** The zone the observation names itself, or null/blank to take its location's. */
    String ownZone(T observation);

    double lat(T observation);

    double lon(T observation);

    /**
     * Adds the observation's values to {@code measures}; returns false when it had none (it then
     * makes no window). Only adds: an observation that returns false must leave {@code measures}
     * unchanged.
     */
    boolean addTo(T observation, Measures measures);
}
