package io.invicta.jobs.cep;

import io.invicta.rules.RuleSetMessage;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record of the rules topic → a {@link RuleSetUpdate}. The value is a {@link RuleSetMessage} as
 * {@code scripts/rules deploy} writes it; the operators compile and check it (sandbox included)
 * themselves. An unreadable record is logged and skipped: the running rule set stays, and the
 * publisher's own check is where such a record is refused.
 */
public final class RuleSetUpdateDeserializer
        implements KafkaRecordDeserializationSchema<RuleSetUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetUpdateDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RuleSetUpdate> out) {
        if (record.value() == null) {
            return;
        }
        try {
            out.collect(parse(record.value()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Skipping unreadable rule-set record at offset {} of {}: {}",
                    record.offset(),
                    record.topic(),
                    e.getMessage());
        }
    }

    static RuleSetUpdate parse(byte[] value) {
        RuleSetMessage message = RuleSetMessage.decode(value);
        return RuleSetUpdate.of(message.version(), message.files());
    }

    @Override
    public TypeInformation<RuleSetUpdate> getProducedType() {
        return TypeInformation.of(RuleSetUpdate.class);
    }
}
