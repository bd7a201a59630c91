package io.invicta.rules;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the rule operator rebuilds a module's Esper state after a restore, a rescale or a reload,
 * declared in the module with {@code @Tag(name='recovery', value='...')}.
 */
public enum Recovery {
    /**
     * The default: the operator keeps every event the module reads for its {@link Horizon} and
     * replays it into a fresh runtime. Memory is the events' rate times the horizon.
     */
    HISTORY,
    /**
     * The module keeps all its state in named windows: the operator checkpoints their rows, keyed
     * by the partition column, and inserts them back into a fresh runtime. It keeps no event of the
     * module's, so memory is the number of rows (one per key for {@code #unique} windows), whatever
     * the rate and however far back the rows reach.
     */
    WINDOWS;

    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Recovery fromTag(String value) {
        for (Recovery r : values()) {
            if (r.tagValue().equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "unknown recovery '"
                        + value
                        + "' (one of "
                        + Arrays.stream(values()).map(Recovery::tagValue).toList()
                        + ")");
    }
}
