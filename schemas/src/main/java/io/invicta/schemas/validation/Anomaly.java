package io.invicta.schemas.validation;

import java.io.Serializable;

/**
 * A plausibility check of one observation type: a value that real devices do report (a car park
 * counting more cars than it has spaces, a thermometer's no-data sentinel) but that cannot be taken
 * as it is. Unlike a {@link Validator}'s impossibilities, which are always dead letters, what
 * happens to an anomaly is a configured {@link AnomalyPolicy}.
 */
public abstract class Anomaly<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final AnomalyPolicy policy;

    protected Anomaly(String name, AnomalyPolicy policy) {
        this.name = name;
        this.policy = policy;
    }

    /** The check's name: its option's and its counter's suffix, and the {@code check} tag. */
    public final String name() {
        return name;
    }

    public final AnomalyPolicy policy() {
        return policy;
    }

    /** Null when the observation is plausible, else what is implausible in it. */
    public abstract String find(T observation);

    /** Makes the observation plausible (see {@link AnomalyPolicy#CLAMP}). */
    public abstract void clamp(T observation);
}
