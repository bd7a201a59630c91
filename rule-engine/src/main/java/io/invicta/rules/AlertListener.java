package io.invicta.rules;

import io.invicta.schemas.Alert;

/** Receives the alerts a {@link RuleRuntime} raises, in the order it raises them. */
@FunctionalInterface
public interface AlertListener {
    void onAlert(Alert alert);
}
