package io.invicta.schemas.validation;

import java.util.Locale;

/** What is done with a value an {@link Anomaly} check finds implausible. */
public enum AnomalyPolicy {
    /** The whole observation becomes a dead letter (reason {@code ANOMALY}), as an invalid one. */
    REJECT,
    /**
     * The value is brought to the nearest plausible one (a count above capacity to the capacity); a
     * sentinel, which has no plausible neighbour, is removed and the observation's other values
     * kept. Counted.
     */
    CLAMP,
    /** The value is kept as reported. Counted. */
    FLAG;

    /** The configuration spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
