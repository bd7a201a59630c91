package io.invicta.jobs.common;

import java.io.Serializable;

/** Checks a decoded event; a non-null answer is the reason it is refused (and dead-lettered). */
@FunctionalInterface
public interface Validator<T> extends Serializable {

    /**
     * @param nowMillis the wall clock, for checks such as "not far in the future"
     * @return null when the event is acceptable, else a short human-readable reason
     */
    String check(T event, long nowMillis);

    static <T> Validator<T> none() {
        return (event, now) -> null;
    }
}
