package io.invicta.jobs.cep;

import io.invicta.jobs.io.DeadLetter;
import io.invicta.jobs.io.Decoded;
import io.invicta.rules.RuleSetMessage;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of the rules topic → a {@link RuleSetUpdate}. The value is a {@link RuleSetMessage} as
 * {@code scripts/rules deploy} writes it; the operators compile and check it (sandbox included)
 * themselves. A record that is not a rule set is a dead letter ({@link DeadLetter#NOT_A_RULE_SET})
 * and the rule set in force keeps running; a tombstone (no value: the compacted topic deleting a
 * set's name) is no update.
 */
public final class RuleSetUpdateDeserializer
        implements KafkaRecordDeserializationSchema<Decoded<RuleSetUpdate>> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<Decoded<RuleSetUpdate>> out) {
        if (record.value() == null) {
            return;
        }
        RuleSetUpdate update;
        try {
            update = parse(record.value());
        } catch (RuntimeException e) {
            out.collect(
                    Decoded.failed(
                            DeadLetter.of(
                                    record,
                                    DeadLetter.NOT_A_RULE_SET,
                                    String.valueOf(e.getMessage()))));
            return;
        }
        out.collect(Decoded.of(update));
    }

    static RuleSetUpdate parse(byte[] value) {
        RuleSetMessage message = RuleSetMessage.decode(value);
        return RuleSetUpdate.of(message.version(), message.files());
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<Decoded<RuleSetUpdate>> getProducedType() {
        // Only crosses a chained (forward) edge to RouteDecoded, never the network.
        return TypeInformation.of((Class<Decoded<RuleSetUpdate>>) (Class<?>) Decoded.class);
    }
}
