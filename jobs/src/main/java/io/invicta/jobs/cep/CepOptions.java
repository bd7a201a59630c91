package io.invicta.jobs.cep;

import io.invicta.rules.Partitioning;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.time.Duration;
import java.util.List;

/**
 * Options of the rules job of its own ({@code cep.*}); its topics are in {@link
 * io.invicta.jobs.io.TopicOptions}.
 */
public final class CepOptions {

    public static final ConfigOption<String> RULES_PATH =
            ConfigOptions.key("cep.rules-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory (or comma-separated .epl files) of the rule set to run, read"
                                + " where the job is submitted. Unset: the rule set packaged in the"
                                + " job jar (cep-rules/).");

    public static final ConfigOption<Integer> RULES_VERSION =
            ConfigOptions.key("cep.rules-version")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Version of the rule set given by cep.rules-path or packaged. A"
                                    + " hot-reloaded version replaces it only when higher.");

    public static final ConfigOption<String> RULES_TOPIC =
            ConfigOptions.key("cep.rules-topic")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Compacted topic of rule-set versions (published by 'scripts/rules"
                                    + " deploy') for hot reload. Unset: hot reload is off and the"
                                    + " file-based rule set runs.");

    public static final ConfigOption<Duration> RELOAD_HISTORY =
            ConfigOptions.key("cep.reload-history")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription(
                            "With hot reload on: how far back every rules operator keeps every"
                                + " event type at the least, so that the windows of a reloaded rule"
                                + " set up to that long start full, even a rule that reads what the"
                                + " running rules do not keep. 0: each type is kept as far back as"
                                + " the running rules look, and a longer window of a reloaded rule"
                                + " starts with what was kept. Costs memory: every type's rate"
                                + " times this.");

    public static final ConfigOption<List<Partitioning>> PARTITIONS =
            ConfigOptions.key("cep.partitions")
                    .enumType(Partitioning.class)
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Which rule partitions get an operator (ZONE, SENSOR, VEHICLE, CITY)."
                                + " Unset: those the starting rule set uses. A reloaded module of"
                                + " another partition is rejected.");

    public static final ConfigOption<Integer> CITY_PARALLELISM =
            ConfigOptions.key("cep.city-parallelism")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "Parallelism of city-wide rules. They correlate every event, so only 1"
                                    + " is correct.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("cep.checkpoint-interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Checkpoint interval when the cluster sets none. Alerts reach"
                                    + " read_committed consumers of the alerts topic when the"
                                    + " checkpoint that holds them completes.");

    public static final ConfigOption<Duration> WATERMARK_INTERVAL =
            ConfigOptions.key("cep.watermark-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(20))
                    .withDescription(
                            "How often the sources emit watermarks. Each watermark releases the"
                                + " events it passed to the rules in one batch: shorter means"
                                + " smaller batches and lower alert latency, at a small cost per"
                                + " watermark.");

    private CepOptions() {}
}
