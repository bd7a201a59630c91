package io.invicta.jobs.config;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.flink.configuration.ConfigOption;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The options a job accepts: every {@code public static ConfigOption} of the classes that declare
 * them, and any others named. A key declared twice (with different defaults, or by two classes at
 * all) is refused here, so every key has one declaration; {@link #check} refuses keys the job does
 * not know, with a suggestion.
 */
public final class JobOptions {

    private final Map<String, ConfigOption<?>> byKey;

    private JobOptions(Map<String, ConfigOption<?>> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    /** The options declared as public static fields of {@code holders}. */
    public static JobOptions of(Class<?>... holders) {
        return new JobOptions(new TreeMap<>()).and(declaredBy(holders));
    }

    /** These options and {@code more}. */
    public JobOptions and(Collection<? extends ConfigOption<?>> more) {
        Map<String, ConfigOption<?>> all = new TreeMap<>(byKey);
        for (ConfigOption<?> option : more) {
            ConfigOption<?> earlier = all.putIfAbsent(option.key(), option);
            if (earlier != null && earlier != option) {
                throw new IllegalStateException(
                        "option "
                                + option.key()
                                + " is declared twice (defaults "
                                + earlier.defaultValue()
                                + " and "
                                + option.defaultValue()
                                + ")");
            }
        }
        return new JobOptions(all);
    }

    /** These options and those declared by {@code holders}. */
    public JobOptions and(Class<?>... holders) {
        return and(declaredBy(holders));
    }

    /** Every accepted option, by key. */
    public Collection<ConfigOption<?>> all() {
        return byKey.values();
    }

    public ConfigOption<?> get(String key) {
        return byKey.get(key);
    }

    /**
     * Refuses a key that is not an accepted option: a misspelt {@code influx.databse} would
     * otherwise be ignored and the default silently used.
     *
     * @param where where the keys came from, for the message (e.g. the file name)
     */
    public void check(Collection<String> keys, String where) {
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            if (!byKey.containsKey(key)) {
                String suggestion = closest(key);
                problems.add(
                        "unknown option '"
                                + key
                                + "'"
                                + (suggestion == null
                                        ? ""
                                        : " (did you mean '" + suggestion + "'?)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    where
                            + ": "
                            + String.join("; ", problems)
                            + ". Valid options: "
                            + String.join(", ", byKey.keySet()));
        }
    }

    /** The accepted key nearest to {@code key} in edit distance, if near enough to be a typo. */
    private String closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byKey.keySet()) {
            int d = LevenshteinDistance.getDefaultInstance().apply(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    private static List<ConfigOption<?>> declaredBy(Class<?>... holders) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && ConfigOption.class.isAssignableFrom(field.getType())) {
                    try {
                        options.add(
                                Objects.requireNonNull(
                                        (ConfigOption<?>) field.get(null), field.toString()));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(field + " is not readable", e);
                    }
                }
            }
        }
        return options;
    }
}
