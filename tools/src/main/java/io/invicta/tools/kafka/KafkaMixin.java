package io.invicta.tools.kafka;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Kafka options every tool that writes to Kafka shares. */
public final class KafkaMixin {

    /** The local stack's broker (scripts/stack). */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    @Option(
            names = "--bootstrap-servers",
            defaultValue = DEFAULT_BOOTSTRAP_SERVERS,
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    public String bootstrapServers;

    @Option(
            names = "--producer-property",
            paramLabel = "KEY=VALUE",
            description =
                    "Kafka producer setting (repeatable), e.g. acks=1; overrides the tools'"
                            + " defaults.")
    public Map<String, String> producerProperties = new LinkedHashMap<>();

    /** A sender with these settings. */
    public RecordSender sender(String clientId) {
        return new RecordSender(bootstrapServers, clientId, producerProperties);
    }
}
