package io.invicta.jobs.time;

import io.invicta.jobs.io.Decoded;
import io.invicta.schemas.EventKind;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/** Watermarks on decoded source records: bounded out-of-orderness, per-partition idleness. */
public final class DecodedEventTimes {

    private DecodedEventTimes() {}

    /** The event time of each record is its kind's ({@link EventKind#eventTime}). */
    public static <T extends SpecificRecord> WatermarkStrategy<Decoded<T>> watermarks(
            EventKind<T> kind, Duration maxOutOfOrderness, Duration idleness) {
        return WatermarkStrategy.<Decoded<T>>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner(new Assigner<>(kind))
                .withIdleness(idleness);
    }

    private static final class Assigner<T extends SpecificRecord>
            implements SerializableTimestampAssigner<Decoded<T>> {
        private static final long serialVersionUID = 1L;
        private final EventKind<T> kind;

        Assigner(EventKind<T> kind) {
            this.kind = kind;
        }

        @Override
        public long extractTimestamp(Decoded<T> element, long recordTimestamp) {
            // A failure has no event time; the lowest value keeps it from moving the watermark.
            return element.value() != null
                    ? kind.eventTime(element.value()).toEpochMilli()
                    : Long.MIN_VALUE;
        }
    }
}
