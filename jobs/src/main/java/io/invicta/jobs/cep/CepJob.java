package io.invicta.jobs.cep;

import io.invicta.jobs.CityJob;
import io.invicta.jobs.SharedOptions;
import io.invicta.jobs.config.JobOptions;
import io.invicta.jobs.io.DeadLetter;
import io.invicta.jobs.io.Decoded;
import io.invicta.jobs.io.InfluxSinks;
import io.invicta.jobs.io.Inputs;
import io.invicta.jobs.io.KafkaOptions;
import io.invicta.jobs.io.LateEvent;
import io.invicta.jobs.io.Rejects;
import io.invicta.jobs.io.RouteDecoded;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.time.DecodedEventTimes;
import io.invicta.jobs.time.NeverIdleAfterShuffle;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.rules.HourlyForm;
import io.invicta.rules.Partitioning;
import io.invicta.rules.RuleSet;
import io.invicta.rules.RuleSetException;
import io.invicta.schemas.Alert;
import io.invicta.schemas.EventKind;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules job: every event input decoded (dead letters split off), zoned, then routed by each
 * partitioning its rule modules use to an {@link EsperOperator} (city-wide at parallelism 1);
 * alerts out, exactly once to Kafka (checkpointing is switched on when the cluster sets none) and
 * to InfluxDB. Rule-set versions come from the packaged files or, with hot reload on, also from a
 * broadcast rules stream. Like every job ({@link CityJob}), it takes its inputs and outputs as
 * arguments.
 *
 * <p>Operator uids: {@code cep-source-<type>}, {@code cep-decode-<type>} (decode, validate, zone),
 * {@code cep-rules-source}, {@code cep-<partition>} (stable: savepoints survive upgrades). {@code
 * flink run -c io.invicta.jobs.cep.CepJob invicta-jobs-*-flink.jar --config
 * flink-conf/jobs/cep.yaml}
 */
public final class CepJob extends CityJob {

    public static final String NAME = "invicta-cep";

    /** The event kinds the job reads: every kind (a rule may use any). */
    public static final List<EventKind<?>> READS = EventKind.all();

    /** Every option the job accepts. */
    public static final JobOptions OPTIONS =
            SharedOptions.EVERY_JOB
                    .and(CepOptions.class)
                    .and(TopicOptions.of(READS))
                    .and(List.of(TopicOptions.ALERTS, TopicOptions.RULE_STATUS));

    /** Where the job's alerts, rule-set status and rejects go; tests plug in their own. */
    public record Outputs(
            Sink<Alert> alerts,
            Sink<Alert> alertPoints,
            Sink<RuleStatus> ruleStatus,
            Rejects rejects) {

        /** Kafka (alerts exactly once) and InfluxDB, as configured. */
        public static Outputs of(ReadableConfig config) {
            return new Outputs(
                    alertsSink(config),
                    InfluxSinks.sink(config, new AlertPoints()),
                    ruleStatusSink(config),
                    Rejects.of(config));
        }
    }

    private final RuleSetUpdate initial;
    private final Source<Decoded<RuleSetUpdate>, ?, ?> ruleUpdates;
    private final Outputs outputs;

    /** {@code ruleUpdates} null: hot reload off. */
    public CepJob(
            Inputs inputs,
            RuleSetUpdate initial,
            Source<Decoded<RuleSetUpdate>, ?, ?> ruleUpdates,
            Outputs outputs,
            ReadableConfig config) {
        super(NAME, inputs, config);
        this.initial = initial;
        this.ruleUpdates = ruleUpdates;
        this.outputs = outputs;
    }

    @Override
    protected void topology(StreamExecutionEnvironment env) {
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(config.get(CepOptions.CHECKPOINT_INTERVAL).toMillis());
        }
        DataStream<CepEvent> events = null;
        DataStream<DeadLetter> deadLetters = null;
        ZoneResolver zones = ZoneResolver.of(config);
        for (EventKind<?> kind : inputs.kinds()) {
            SingleOutputStreamOperator<CepEvent> decoded = decode(env, kind, zones);
            DataStream<DeadLetter> letters = decoded.getSideOutput(RouteDecoded.DEAD_LETTERS);
            events = events == null ? decoded : events.union(decoded);
            deadLetters = deadLetters == null ? letters : deadLetters.union(letters);
        }
        if (events == null) {
            throw new IllegalArgumentException("the rules job needs at least one input");
        }
        Rules rules;
        try {
            rules = applyRules(env, config, initial, ruleUpdates, events);
        } catch (RuleSetException e) {
            throw new IllegalArgumentException(
                    "the rule set does not compile: " + e.getMessage(), e);
        }
        rules.alerts().sinkTo(outputs.alerts()).name("alerts-kafka").uid("alerts-kafka");
        rules.alerts().sinkTo(outputs.alertPoints()).name("alerts-influxdb").uid("alerts-influxdb");
        outputs.rejects()
                .attach(
                        rules.notRuleSets() == null
                                ? deadLetters
                                : deadLetters.union(rules.notRuleSets()),
                        rules.late(),
                        "cep-");
        rules.status().sinkTo(outputs.ruleStatus()).name("rule-status").uid("rule-status");
    }

    /**
     * {@link CepOptions#RELOAD_HISTORY}, checked: not negative, and set only with hot reload on.
     */
    static Duration reloadHistory(ReadableConfig config, boolean reloading) {
        Duration kept = config.get(CepOptions.RELOAD_HISTORY);
        if (kept.isNegative()) {
            throw new IllegalArgumentException(
                    CepOptions.RELOAD_HISTORY.key() + " must not be negative, got " + kept);
        }
        if (!kept.isZero() && !reloading) {
            throw new IllegalArgumentException(
                    CepOptions.RELOAD_HISTORY.key()
                            + " keeps events for reloaded rule sets, but hot reload is off ("
                            + CepOptions.RULES_TOPIC.key()
                            + " is not set)");
        }
        return kept;
    }

    /**
     * What the rule operators produce, and the records of the rules topic that were not rule sets
     * (null without one).
     */
    public record Rules(
            DataStream<Alert> alerts,
            DataStream<LateEvent> late,
            DataStream<RuleStatus> status,
            DataStream<DeadLetter> notRuleSets) {}

    /**
     * The rule operators on decoded, zoned events with timestamps and watermarks: one per
     * partitioning in use, each fed only the event types its modules read (every type when hot
     * reload is on, since a new version may read others).
     */
    public static Rules applyRules(
            StreamExecutionEnvironment env,
            ReadableConfig config,
            RuleSetUpdate initial,
            Source<Decoded<RuleSetUpdate>, ?, ?> ruleUpdates,
            DataStream<CepEvent> events)
            throws RuleSetException {
        RuleSet ruleSet = RuleSet.compile(initial.version, initial.files());
        env.getConfig()
                .setAutoWatermarkInterval(config.get(CepOptions.WATERMARK_INTERVAL).toMillis());
        // The rule operators keep what they receive from the network, never a chained input, so
        // chained operators
        // need not copy: without object reuse every event would be deep-copied into each chained
        // route filter.
        env.getConfig().enableObjectReuse();
        Set<Partitioning> partitions =
                config.getOptional(CepOptions.PARTITIONS)
                        .<Set<Partitioning>>map(
                                list ->
                                        list.isEmpty()
                                                ? EnumSet.noneOf(Partitioning.class)
                                                : EnumSet.copyOf(list))
                        .orElseGet(() -> used(ruleSet));
        Duration keptAtLeast = reloadHistory(config, ruleUpdates != null);
        DataStream<RuleSetUpdate> updates;
        DataStream<DeadLetter> notRuleSets = null;
        DataStream<RuleStatus> status = null;
        if (ruleUpdates == null) {
            updates =
                    env.fromData(List.of(initial), TypeInformation.of(RuleSetUpdate.class))
                            .name("cep-rules-packaged")
                            .uid("cep-rules-packaged");
        } else {
            SingleOutputStreamOperator<RuleSetUpdate> read =
                    env.fromSource(
                                    ruleUpdates,
                                    WatermarkStrategy.noWatermarks(),
                                    "cep-rules-source")
                            .uid("cep-rules-source")
                            .process(RouteDecoded.values(), TypeInformation.of(RuleSetUpdate.class))
                            .name("cep-rules-read")
                            .uid("cep-rules-read");
            notRuleSets = read.getSideOutput(RouteDecoded.DEAD_LETTERS);
            // Said where analysts look for what became of a publication, not only counted.
            status =
                    notRuleSets
                            .map(RuleStatus::notARuleSet)
                            .name("cep-rules-unreadable")
                            .uid("cep-rules-unreadable");
            updates = read;
        }
        DataStream<Alert> alerts = null;
        DataStream<LateEvent> late = null;
        for (HourlyForm form : hourlyForms(ruleSet, partitions, ruleUpdates != null)) {
            SingleOutputStreamOperator<CepEvent> hours =
                    NeverIdleAfterShuffle.process(
                            events.filter(new OfType(CepEventCodec.typeIndex(form.rawName())))
                                    .name("cep-route-" + form.name())
                                    .uid("cep-route-" + form.name())
                                    .keyBy(e -> e.sensor, Types.STRING),
                            new HourlyEvents(form),
                            TypeInformation.of(CepEvent.class),
                            "cep-" + form.name());
            events = events.union(hours);
            late =
                    late == null
                            ? hours.getSideOutput(HourlyEvents.LATE)
                            : late.union(hours.getSideOutput(HourlyEvents.LATE));
        }
        for (Partitioning partitioning : partitions) {
            DataStream<CepEvent> routed =
                    ruleUpdates != null
                            ? events
                            : events.filter(new ReadTypes(ruleSet, partitioning))
                                    .name("cep-route-" + partitioning.tagValue())
                                    .uid("cep-route-" + partitioning.tagValue());
            SingleOutputStreamOperator<Alert> out =
                    routed.keyBy(new CepKeys(partitioning))
                            .connect(updates.broadcast())
                            .transform(
                                    "cep-" + partitioning.tagValue(),
                                    TypeInformation.of(Alert.class),
                                    new EsperOperator(
                                            partitioning, initial, partitions, keptAtLeast))
                            .uid("cep-" + partitioning.tagValue());
            if (partitioning == Partitioning.CITY) {
                out.setParallelism(config.get(CepOptions.CITY_PARALLELISM)).setMaxParallelism(1);
            }
            alerts = alerts == null ? out : alerts.union(out);
            late =
                    late == null
                            ? out.getSideOutput(EsperOperator.LATE)
                            : late.union(out.getSideOutput(EsperOperator.LATE));
            status =
                    status == null
                            ? out.getSideOutput(EsperOperator.STATUS)
                            : status.union(out.getSideOutput(EsperOperator.STATUS));
        }
        if (alerts == null) {
            throw new IllegalArgumentException("no rule partition enabled (cep.partitions)");
        }
        return new Rules(alerts, late, status, notRuleSets);
    }

    /**
     * The hourly forms the enabled partitions' modules read (every one when hot reload is on: a new
     * version may read any), each pre-aggregated once for all partitions.
     */
    private static List<HourlyForm> hourlyForms(
            RuleSet ruleSet, Set<Partitioning> partitions, boolean reloadable) {
        return HourlyForm.all().stream()
                .filter(
                        form ->
                                reloadable
                                        || partitions.stream()
                                                .flatMap(p -> ruleSet.modules(p).stream())
                                                .anyMatch(
                                                        m -> m.eventTypes().contains(form.name())))
                .toList();
    }

    private static Set<Partitioning> used(RuleSet rules) {
        Set<Partitioning> used = EnumSet.noneOf(Partitioning.class);
        rules.modules().forEach(m -> used.add(m.partitioning()));
        return used;
    }

    private <T extends SpecificRecord> SingleOutputStreamOperator<CepEvent> decode(
            StreamExecutionEnvironment env, EventKind<T> kind, ZoneResolver zones) {
        String name = kind.typeName();
        Source<Decoded<T>, ?, ?> source = inputs.of(kind);
        return env.fromSource(
                        source, DecodedEventTimes.watermarks(kind, config), "cep-source-" + name)
                .uid("cep-source-" + name)
                .process(new RouteDecoded<>(new ToCepEvent<T>(zones)))
                .returns(CepEvent.class)
                .name("cep-decode-" + name)
                .uid("cep-decode-" + name);
    }

    /**
     * The rules topic, read whole from the start (compacted: the newest version of the set wins).
     */
    public static KafkaSource<Decoded<RuleSetUpdate>> rulesSource(
            ReadableConfig config, String topic) {
        KafkaSourceBuilder<Decoded<RuleSetUpdate>> builder =
                KafkaSource.<Decoded<RuleSetUpdate>>builder()
                        .setBootstrapServers(config.get(KafkaOptions.BOOTSTRAP_SERVERS))
                        .setTopics(topic)
                        .setGroupId(NAME + "-rules-" + UUID.randomUUID())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new RuleSetUpdateDeserializer());
        if (config.get(KafkaOptions.BOUNDED)) {
            // A bounded run ends when its inputs do: the rule sets published until then apply.
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** ACTIVE / REJECTED records of every operator instance, as JSON. */
    public static KafkaSink<RuleStatus> ruleStatusSink(ReadableConfig config) {
        return KafkaSink.<RuleStatus>builder()
                .setBootstrapServers(config.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setRecordSerializer(new RuleStatusSerializer(config.get(TopicOptions.RULE_STATUS)))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /**
     * Exactly once: alerts become visible to read_committed consumers when the checkpoint that
     * holds them completes.
     */
    public static KafkaSink<Alert> alertsSink(ReadableConfig config) {
        return KafkaSink.<Alert>builder()
                .setBootstrapServers(config.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setRecordSerializer(new AlertSerializer(config.get(TopicOptions.ALERTS)))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(
                        config.getOptional(KafkaOptions.GROUP_ID).orElse(NAME) + "-alerts")
                // Below the broker's transaction.max.timeout.ms (15 min by default).
                .setProperty("transaction.timeout.ms", "600000")
                .build();
    }

    /** The production job: Kafka inputs, InfluxDB and Kafka outputs. */
    public static final Factory FACTORY =
            new Factory(
                    OPTIONS,
                    config ->
                            new CepJob(
                                    Inputs.kafka(config, NAME, READS),
                                    PackagedRules.load(config),
                                    config.getOptional(CepOptions.RULES_TOPIC)
                                            .map(topic -> rulesSource(config, topic))
                                            .orElse(null),
                                    Outputs.of(config),
                                    config));

    public static void main(String[] args) throws Exception {
        CityJob.run(args, FACTORY);
    }
}
