package io.invicta.jobs.time;

import io.invicta.jobs.io.Decoded;
import io.invicta.schemas.EventKind;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ReadableConfig;

import java.time.Duration;

/**
 * Watermarks on decoded source records: bounded out-of-orderness, per-partition idleness, and the
 * job's sources aligned in event time.
 */
public final class DecodedEventTimes {

    /** One alignment group per job: every source of a job reads at the pace of its slowest. */
    static final String ALIGNMENT_GROUP = "event-time";

    private DecodedEventTimes() {}

    /**
     * The watermarks a job's source of {@code kind} emits, from the job's {@link EventTimeOptions}:
     * aligned with the job's other sources unless {@code event-time.alignment.max-drift} is 0.
     */
    public static <T extends SpecificRecord> WatermarkStrategy<Decoded<T>> watermarks(
            EventKind<T> kind, ReadableConfig config) {
        WatermarkStrategy<Decoded<T>> strategy =
                watermarks(
                        kind,
                        config.get(EventTimeOptions.MAX_OUT_OF_ORDERNESS),
                        config.get(EventTimeOptions.IDLENESS));
        Duration drift = config.get(EventTimeOptions.ALIGNMENT_MAX_DRIFT);
        Duration interval = config.get(EventTimeOptions.ALIGNMENT_UPDATE_INTERVAL);
        if (drift.isNegative()) {
            throw new IllegalArgumentException(
                    EventTimeOptions.ALIGNMENT_MAX_DRIFT.key()
                            + " must be 0 (off) or positive, got "
                            + drift);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    EventTimeOptions.ALIGNMENT_UPDATE_INTERVAL.key()
                            + " must be positive, got "
                            + interval);
        }
        return drift.isZero()
                ? strategy
                : strategy.withWatermarkAlignment(ALIGNMENT_GROUP, drift, interval);
    }

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
