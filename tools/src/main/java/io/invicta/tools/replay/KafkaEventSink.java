package io.invicta.tools.replay;

import io.invicta.tools.kafka.ProducerSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An idempotent producer (no duplicates from retries), lz4 and large batches. The Kafka record timestamp is the
 * event time, so consumers and Flink's Kafka source see the data's own time.
 */
final class KafkaEventSink implements EventSink {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstError = new AtomicReference<>();

    KafkaEventSink(String bootstrapServers) {
        this.producer = new KafkaProducer<>(ProducerSettings.stringKeys(bootstrapServers));
    }

    @Override
    public void send(String topic, ReplayEvent event) {
        producer.send(new ProducerRecord<>(topic, null, event.eventTime(), event.key(), event.value()), (meta, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                firstError.compareAndSet(null, error);
            }
        });
    }

    @Override
    public long flush() {
        producer.flush();
        return failed.get();
    }

    Exception firstError() {
        return firstError.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
