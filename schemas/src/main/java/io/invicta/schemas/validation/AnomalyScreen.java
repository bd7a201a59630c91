package io.invicta.schemas.validation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The anomaly checks of one observation type, applied in order with their policies. */
public final class AnomalyScreen<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Anomaly<T>> checks;

    public AnomalyScreen(List<Anomaly<T>> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<Anomaly<T>> checks() {
        return checks;
    }

    /** An anomaly found in one observation: the check, and what it found. */
    public record Found<T>(Anomaly<T> check, String detail) {

        public boolean rejects() {
            return check.policy() == AnomalyPolicy.REJECT;
        }
    }

    /**
     * Applies the checks to {@code observation}, clamping it where a check's policy says so, and
     * returns what they found, in order (empty when it is plausible); a check that rejects ends the
     * list.
     */
    public List<Found<T>> screen(T observation) {
        List<Found<T>> found = List.of();
        for (Anomaly<T> check : checks) {
            String detail = check.find(observation);
            if (detail == null) {
                continue;
            }
            if (found.isEmpty()) {
                found = new ArrayList<>(2);
            }
            found.add(new Found<>(check, detail));
            switch (check.policy()) {
                case REJECT -> {
                    return found;
                }
                case CLAMP -> check.clamp(observation);
                case FLAG -> {}
            }
        }
        return found;
    }
}
