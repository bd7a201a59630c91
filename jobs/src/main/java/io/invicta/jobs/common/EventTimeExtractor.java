package io.invicta.jobs.common;

import java.io.Serializable;
import java.time.Instant;

/** Reads the event time of a record; a serializable method reference such as {@code AirQualityObserved::getDateObserved}. */
@FunctionalInterface
public interface EventTimeExtractor<T> extends Serializable {

    Instant eventTime(T record);
}
