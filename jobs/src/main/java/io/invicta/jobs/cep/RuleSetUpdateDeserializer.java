package io.invicta.jobs.cep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.invicta.cep.RuleFile;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A record of the rules topic → a {@link RuleSetUpdate}. The value is JSON {@code {"version": N, "files":
 * [{"name": "...", "text": "..."}]}} as {@code scripts/rules deploy} writes it. An unreadable record is logged
 * and skipped: the running rule set stays, and the publisher's own check is where such a record is refused.
 */
public final class RuleSetUpdateDeserializer implements KafkaRecordDeserializationSchema<RuleSetUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetUpdateDeserializer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RuleSetUpdate> out) {
        if (record.value() == null) {
            return;
        }
        try {
            out.collect(parse(record.value()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable rule-set record at offset {} of {}: {}", record.offset(), record.topic(),
                    e.getMessage());
        }
    }

    static RuleSetUpdate parse(byte[] value) throws IOException {
        JsonNode root = JSON.readTree(value);
        if (!root.has("version") || !root.path("files").isArray()) {
            throw new IOException("expected {version, files: [{name, text}]}");
        }
        List<RuleFile> files = new ArrayList<>();
        for (JsonNode file : root.get("files")) {
            files.add(new RuleFile(file.path("name").asText(), file.path("text").asText()));
        }
        return RuleSetUpdate.of(root.get("version").asInt(), files);
    }

    @Override
    public TypeInformation<RuleSetUpdate> getProducedType() {
        return TypeInformation.of(RuleSetUpdate.class);
    }
}
