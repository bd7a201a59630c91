package io.invicta.jobs.io;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Late event → the late-events topic: key = entity id, value = the event (Avro single-object
 * encoding), timestamp = its event time; headers {@value #REASON} and {@value #WATERMARK} (ISO
 * instant of the watermark it missed).
 */
public final class LateEventSerializer implements KafkaRecordSerializationSchema<LateEvent> {

    private static final long serialVersionUID = 1L;

    public static final String REASON = "invicta.reason";
    public static final String WATERMARK = "invicta.watermark";
    public static final String LATER_THAN_ALLOWED = "later than the allowed lateness";

    private final String topic;

    public LateEventSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            LateEvent late, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, LATER_THAN_ALLOWED.getBytes(StandardCharsets.UTF_8));
        headers.add(
                WATERMARK,
                Instant.ofEpochMilli(late.watermark).toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(
                topic,
                null,
                late.eventTime,
                late.key.getBytes(StandardCharsets.UTF_8),
                late.value,
                headers);
    }
}
