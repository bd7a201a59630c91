package io.invicta.jobs.io;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Dead letter → the dead-letter topic: key and value are the original record's bytes, untouched (so
 * it can be replayed once fixed); where it came from and why ride in headers: {@value #REASON},
 * {@value #DETAIL}, {@value #SOURCE} ({@code topic/partition/offset}). The record timestamp is the
 * original one.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;

    public static final String REASON = "invicta.reason";
    public static final String DETAIL = "invicta.detail";
    public static final String SOURCE = "invicta.source";

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, utf8(letter.reason));
        headers.add(DETAIL, utf8(letter.detail));
        headers.add(
                SOURCE, utf8(letter.sourceTopic + "/" + letter.partition + "/" + letter.offset));
        return new ProducerRecord<>(
                topic, null, letter.timestamp, letter.key, letter.value, headers);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
