package io.invicta.jobs.cep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Rule status → the rule-status topic as JSON, key = partition#subtask (the latest per instance
 * survives compaction).
 */
public final class RuleStatusSerializer implements KafkaRecordSerializationSchema<RuleStatus> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;

    public RuleStatusSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            RuleStatus status, KafkaSinkContext context, Long timestamp) {
        try {
            return new ProducerRecord<>(
                    topic,
                    (status.partitioning + "#" + status.subtask).getBytes(StandardCharsets.UTF_8),
                    JSON.writeValueAsBytes(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
