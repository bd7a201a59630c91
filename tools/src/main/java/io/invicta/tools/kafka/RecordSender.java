package io.invicta.tools.kafka;

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
 * The tools' one way to write records to Kafka: keys and values as bytes, sends asynchronous with
 * one shared callback that counts failures. {@link #flush()} blocks until every record sent so far
 * is acknowledged and reports the failures; {@link #requireDelivered()} turns them into a {@link
 * DeliveryException}. Settings: {@link ProducerSettings#common} with the caller's overrides ({@code
 * --producer-property}).
 */
public final class RecordSender implements AutoCloseable, Callback {

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public RecordSender(String bootstrapServers, String clientId, Map<String, String> overrides) {
        Properties props = ProducerSettings.common(bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.putAll(overrides);
        this.producer = new KafkaProducer<>(props);
    }

    /** Sends one record; {@code timestamp} null: the producer's clock. */
    public void send(String topic, byte[] key, Long timestamp, byte[] value) {
        producer.send(new ProducerRecord<>(topic, null, timestamp, key, value), this);
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, exception);
        }
    }

    /**
     * Blocks until every record sent so far is acknowledged; returns how many records failed in
     * all.
     */
    public long flush() {
        producer.flush();
        return failures.get();
    }

    /** The first delivery failure, or null. */
    public Exception firstFailure() {
        return firstFailure.get();
    }

    /** Throws when any record sent so far could not be delivered. */
    public void requireDelivered() {
        Exception e = firstFailure.get();
        if (e != null) {
            throw new DeliveryException(
                    failures.get()
                            + " record(s) could not be delivered to Kafka: "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    /** Records could not be delivered (broker unreachable, topic missing, ...). */
    public static final class DeliveryException extends RuntimeException {
        DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
