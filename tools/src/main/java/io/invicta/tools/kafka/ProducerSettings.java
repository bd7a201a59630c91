package io.invicta.tools.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/** The producer settings the tools share: large lz4 batches, and whether retries may duplicate. */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    /**
     * String keys, byte[] values, 256 KiB lz4 batches lingering 20 ms.
     *
     * @param exactlyOnceProduce idempotent with acks=all, so a retried send is never written twice; off trades
     *                           that for speed (acks=1) where duplicates are harmless or wanted
     */
    public static Properties stringKeys(String bootstrapServers, boolean exactlyOnceProduce) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, exactlyOnceProduce ? "all" : "1");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, String.valueOf(exactlyOnceProduce));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        return props;
    }
}
