package io.invicta.jobs.io;

import io.invicta.schemas.codec.DecodeFailureReason;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

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

    /**
     * Reason label of a message longer than {@code validation.max-message-size}, refused before it
     * is decoded: no sensor sends one, and its strings would become tags, keys and state.
     */
    public static final String OVERSIZED = "OVERSIZED";

    /**
     * Reason label of a valid reading whose Kafka key is not its sensor's id: a sensor's readings
     * share a partition only when they are keyed by it, and order, repeats and watermarks rest on
     * that.
     */
    public static final String KEY_MISMATCH = "KEY_MISMATCH";

    /** Reason label of a record of the rules topic that is not a rule set. */
    public static final String NOT_A_RULE_SET = "NOT_A_RULE_SET";

    /** Every reason label: the decoding failures' names, then the labels above. */
    public static final List<String> REASONS =
            Stream.concat(
                            Arrays.stream(DecodeFailureReason.values()).map(Enum::name),
                            Stream.of(
                                    INVALID,
                                    ANOMALY,
                                    DUPLICATE,
                                    OVERSIZED,
                                    KEY_MISMATCH,
                                    NOT_A_RULE_SET))
                    .toList();

    public String sourceTopic;
    public int partition;
    public long offset;

    /** The Kafka record timestamp of the original record. */
    public long timestamp;

    /** A stable label, one of {@link #REASONS}. */
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

    /** The Kafka record {@code record}, refused for {@code reason}: its bytes and where it was. */
    public static DeadLetter of(
            ConsumerRecord<byte[], byte[]> record, String reason, String detail) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                reason,
                detail,
                record.key(),
                record.value());
    }

    /** Where the original record was: {@code topic-partition@offset}. */
    public String origin() {
        return sourceTopic + "-" + partition + "@" + offset;
    }

    @Override
    public String toString() {
        return "DeadLetter["
                + reason
                + " "
                + origin()
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
