package io.invicta.jobs.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record that did not make it into a job, with why and where it came from; written to the
 * dead-letter topic with its original key and value bytes untouched. A Flink POJO.
 */
public class DeadLetter {

    /** Reason label of a record that decoded but failed validation. */
    public static final String INVALID = "INVALID";

    /** Reason label of a valid record rejected by an anomaly check whose policy is reject. */
    public static final String ANOMALY = "ANOMALY";

    /**
     * Reason label of a reading that repeats one already accepted: same sensor, time and values
     * (same bytes).
     */
    public static final String DUPLICATE = "DUPLICATE";

    public String sourceTopic;
    public int partition;
    public long offset;

    /** The Kafka record timestamp of the original record. */
    public long timestamp;

    /**
     * A stable label: a DecodeFailureReason name, {@link #INVALID}, {@link #ANOMALY} or {@link
     * #DUPLICATE}.
     */
    public String reason;

    public String detail;
    public byte[] key;
    public byte[] value;

    public DeadLetter() {}

    public DeadLetter(
            String sourceTopic,
            int partition,
            long offset,
            long timestamp,
            String reason,
            String detail,
            byte[] key,
            byte[] value) {
        this.sourceTopic = sourceTopic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.reason = reason;
        this.detail = detail;
        this.key = key;
        this.value = value;
    }

    @Override
    public String toString() {
        return "DeadLetter["
                + reason
                + " "
                + sourceTopic
                + "-"
                + partition
                + "@"
                + offset
                + ": "
                + detail
                + ", "
                + (value == null ? 0 : value.length)
                + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d
                && partition == d.partition
                && offset == d.offset
                && timestamp == d.timestamp
                && Objects.equals(sourceTopic, d.sourceTopic)
                && Objects.equals(reason, d.reason)
                && Objects.equals(detail, d.detail)
                && Arrays.equals(key, d.key)
                && Arrays.equals(value, d.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceTopic, partition, offset);
    }
}
