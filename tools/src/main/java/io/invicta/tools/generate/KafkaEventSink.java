package io.invicta.tools.generate;

import io.invicta.tools.kafka.ProducerSettings;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@link KafkaProducer} for every topic: keys and values are already bytes (keys precomputed per entity), sends
 * are asynchronous with one shared callback that only counts failures; the first failure is rethrown on the next
 * send or at flush. Defaults: batch.size 512 KiB, linger.ms 20, lz4, acks=all with idempotence (see docs/BENCHMARKS.md), overridable
 * with {@code --producer-property}.
 */
final class KafkaEventSink implements EventSink, Callback {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String[] topics = new String[EventType.ALL.length];
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private int sendsSinceCheck;

    KafkaEventSink(String bootstrapServers, Map<String, String> overrides) {
        Properties props = ProducerSettings.common(bootstrapServers);
        // Keys are precomputed bytes per entity.
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "invicta-generate");
        props.putAll(overrides);
        producer = new KafkaProducer<>(props);
        for (EventType t : EventType.ALL) {
            topics[t.ordinal()] = t.topic();
        }
    }

    @Override
    public void send(EventType type, byte[] key, byte[] value) {
        if ((++sendsSinceCheck & 0xFFF) == 0) {
            rethrow();
        }
        producer.send(new ProducerRecord<>(topics[type.ordinal()], key, value), this);
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, exception);
        }
    }

    @Override
    public void flush() {
        producer.flush();
        rethrow();
    }

    long failures() {
        return failures.get();
    }

    private void rethrow() {
        Exception e = firstFailure.get();
        if (e != null) {
            throw new DeliveryException(failures.get() + " record(s) could not be delivered to Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    /** Records could not be delivered (broker unreachable, topic missing, ...). */
    static final class DeliveryException extends RuntimeException {
        DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
