package io.invicta.jobs.common;

import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes Kafka values in the source itself, so timestamps and watermarks are assigned per partition. A bad
 * value is not thrown but emitted as a {@link DecodeResult.Failure} for {@link SplitDecoded} to count and
 * dead-letter.
 */
public final class AvroKafkaDeserializer<T extends SpecificRecord>
        implements KafkaRecordDeserializationSchema<DecodeResult<T>> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient AvroCodec<T> codec;

    public AvroKafkaDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        codec = Codecs.forType(type);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodeResult<T>> out) {
        out.collect(codec.decode(record.value()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<DecodeResult<T>> getProducedType() {
        // Only crosses a chained (forward) edge to SplitDecoded, never the network.
        return TypeInformation.of((Class<DecodeResult<T>>) (Class<?>) DecodeResult.class);
    }
}
