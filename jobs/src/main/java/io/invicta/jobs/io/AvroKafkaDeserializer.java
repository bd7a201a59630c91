package io.invicta.jobs.io;

import io.invicta.schemas.EventKind;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import io.invicta.schemas.validation.Validator;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes and validates Kafka values in the source itself, so timestamps and watermarks are
 * assigned per partition and the raw bytes are still at hand: a bad value is not thrown but emitted
 * as a {@link DeadLetter} for {@link RouteDecoded} to count and send to the dead-letter topic.
 */
public final class AvroKafkaDeserializer<T extends SpecificRecord>
        implements KafkaRecordDeserializationSchema<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    private final EventKind<T> kind;
    private final Validator<T> validator;
    private transient AvroCodec<T> codec;

    public AvroKafkaDeserializer(EventKind<T> kind, Validator<T> validator) {
        this.kind = kind;
        this.validator = validator;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        codec = Codecs.forType(kind.type());
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<T>> out) {
        DecodeResult<T> result = codec.decode(record.value());
        if (result instanceof DecodeResult.Failure<T> failure) {
            out.collect(
                    Decoded.failed(deadLetter(record, failure.reason().name(), failure.detail())));
            return;
        }
        T value = ((DecodeResult.Success<T>) result).value();
        String invalid = validator.check(value, System.currentTimeMillis());
        out.collect(
                invalid == null
                        ? Decoded.of(value, record.value())
                        : Decoded.failed(deadLetter(record, DeadLetter.INVALID, invalid)));
    }

    private static DeadLetter deadLetter(
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

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<Decoded<T>> getProducedType() {
        // Only crosses a chained (forward) edge to RouteDecoded, never the network.
        return TypeInformation.of((Class<Decoded<T>>) (Class<?>) Decoded.class);
    }
}
