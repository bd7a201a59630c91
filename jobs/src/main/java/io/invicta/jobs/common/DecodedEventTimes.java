package io.invicta.jobs.common;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/** Watermarks on decoded source records: bounded out-of-orderness, per-partition idleness. */
public final class DecodedEventTimes {

    private DecodedEventTimes() {
    }

    public static <T> WatermarkStrategy<Decoded<T>> watermarks(
            EventTimeExtractor<T> eventTime, Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<Decoded<T>>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner(new Assigner<>(eventTime))
                .withIdleness(idleness);
    }

    private static final class Assigner<T> implements SerializableTimestampAssigner<Decoded<T>> {
        private static final long serialVersionUID = 1L;
        private final EventTimeExtractor<T> eventTime;

        Assigner(EventTimeExtractor<T> eventTime) {
            this.eventTime = eventTime;
        }

        @Override
        public long extractTimestamp(Decoded<T> element, long recordTimestamp) {
            // A failure has no event time; the lowest value keeps it from moving the watermark.
            return element.value() != null ? eventTime.eventTime(element.value()).toEpochMilli() : Long.MIN_VALUE;
        }
    }
}
