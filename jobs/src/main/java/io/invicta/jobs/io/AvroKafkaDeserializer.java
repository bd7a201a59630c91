package io.invicta.jobs.io;

import io.invicta.schemas.EventKind;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import io.invicta.schemas.validation.Anomaly;
import io.invicta.schemas.validation.AnomalyScreen;
import io.invicta.schemas.validation.Validator;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes and validates Kafka values in the source itself, so timestamps and watermarks are
 * assigned per partition and the raw bytes are still at hand: a bad value is not thrown but emitted
 * as a {@link DeadLetter} for {@link RouteDecoded} to count and send to the dead-letter topic. A
 * value longer than the limit is not decoded at all ({@link DeadLetter#OVERSIZED}); a valid value
 * keyed by anything but its sensor's id is refused ({@link DeadLetter#KEY_MISMATCH}: the partition
 * it landed on holds another sensor's readings); a record without a key is taken as its sensor's. A
 * valid value that repeats one of its sensor's last readings (same time and bytes: {@link
 * RecentReadings}) is a dead letter too ({@link DeadLetter#DUPLICATE}), so no mean, count or rule
 * sees it twice. Valid values then pass the kind's anomaly checks, which reject, clamp or flag
 * implausible values (each counted in {@code anomalies.<check>}) and note them for the data-quality
 * figures.
 */
public final class AvroKafkaDeserializer<T extends SpecificRecord>
        implements KafkaRecordDeserializationSchema<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    private final EventKind<T> kind;
    private final Validator<T> validator;
    private final AnomalyScreen<T> anomalies;
    private final int maxMessageBytes;
    private transient AvroCodec<T> codec;
    private transient Map<String, Counter> anomalyCounters;
    private transient RecentReadings recent;

    public AvroKafkaDeserializer(
            EventKind<T> kind,
            Validator<T> validator,
            AnomalyScreen<T> anomalies,
            int maxMessageBytes) {
        this.kind = kind;
        this.validator = validator;
        this.anomalies = anomalies;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        codec = Codecs.forType(kind.type());
        recent = new RecentReadings();
        anomalyCounters = new HashMap<>();
        MetricGroup group = context.getMetricGroup().addGroup("anomalies");
        for (Anomaly<T> check : anomalies.checks()) {
            // The check a key-value group: one metric name, the check a tag.
            anomalyCounters.put(
                    check.name(), group.addGroup("check", check.name()).counter("count"));
        }
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<T>> out) {
        if (record.value() != null && record.value().length > maxMessageBytes) {
            out.collect(
                    Decoded.failed(
                            DeadLetter.of(
                                    record,
                                    DeadLetter.OVERSIZED,
                                    record.value().length
                                            + " bytes, more than validation.max-message-size ("
                                            + maxMessageBytes
                                            + ")")));
            return;
        }
        DecodeResult<T> result = codec.decode(record.value());
        if (result instanceof DecodeResult.Failure<T> failure) {
            out.collect(
                    Decoded.failed(
                            DeadLetter.of(record, failure.reason().name(), failure.detail())));
            return;
        }
        T value = ((DecodeResult.Success<T>) result).value();
        String invalid = validator.check(value, System.currentTimeMillis());
        if (invalid != null) {
            out.collect(Decoded.failed(DeadLetter.of(record, DeadLetter.INVALID, invalid)));
            return;
        }
        String sensor = kind.key(value);
        if (record.key() != null && !SensorKeys.isKeyOf(record.key(), sensor)) {
            out.collect(
                    Decoded.failed(
                            DeadLetter.of(
                                    record,
                                    DeadLetter.KEY_MISMATCH,
                                    "keyed '"
                                            + new String(record.key(), StandardCharsets.UTF_8)
                                            + "', a reading of "
                                            + sensor)));
            return;
        }
        if (recent.isRepeat(sensor, kind.eventTime(value).toEpochMilli(), record.value())) {
            out.collect(
                    Decoded.failed(
                            DeadLetter.of(
                                    record,
                                    DeadLetter.DUPLICATE,
                                    "repeats a reading of "
                                            + sensor
                                            + " at "
                                            + kind.eventTime(value)
                                            + " already accepted (same bytes)")));
            return;
        }
        List<AnomalyScreen.Found<T>> found = anomalies.screen(value);
        if (found.isEmpty()) {
            out.collect(Decoded.of(value, record.value()));
            return;
        }
        List<AnomalyRecord> records = new ArrayList<>(found.size());
        long eventTime = kind.eventTime(value).toEpochMilli();
        for (AnomalyScreen.Found<T> f : found) {
            anomalyCounters.get(f.check().name()).inc();
            records.add(
                    new AnomalyRecord(
                            kind.name(),
                            kind.key(value),
                            f.check().name(),
                            f.check().policy().label(),
                            eventTime));
        }
        AnomalyScreen.Found<T> last = found.get(found.size() - 1);
        out.collect(
                last.rejects()
                        ? Decoded.rejected(
                                DeadLetter.of(
                                        record,
                                        DeadLetter.ANOMALY,
                                        last.check().name() + ": " + last.detail()),
                                records)
                        : Decoded.withAnomalies(value, records));
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<Decoded<T>> getProducedType() {
        // Only crosses a chained (forward) edge to RouteDecoded, never the network.
        return TypeInformation.of((Class<Decoded<T>>) (Class<?>) Decoded.class);
    }
}
