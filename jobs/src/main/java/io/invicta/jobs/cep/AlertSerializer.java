package io.invicta.jobs.cep;

import io.invicta.schemas.Alert;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Alert → the alerts topic: key = partition key (a zone's alerts stay in order), value = Avro
 * single-object encoding.
 */
public final class AlertSerializer implements KafkaRecordSerializationSchema<Alert> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private transient AvroCodec<Alert> codec;

    public AlertSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public void open(
            SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = Codecs.forType(Alert.class);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            Alert alert, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                alert.getEventTime().toEpochMilli(),
                alert.getPartitionKey().getBytes(StandardCharsets.UTF_8),
                codec.encode(alert));
    }
}
