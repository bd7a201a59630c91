package io.invicta.rules;

/**
 * What one rule did: output rows (matches) and the alerts emitted from them (suppressed ones are
 * not emitted).
 */
public final class RuleCounters {
    long matches;
    long alerts;
    long suppressed;

    public long matches() {
        return matches;
    }

    public long alerts() {
        return alerts;
    }

    public long suppressed() {
        return suppressed;
    }
}
