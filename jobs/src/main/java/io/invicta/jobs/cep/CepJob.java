package io.invicta.jobs.cep;

import io.invicta.cep.EventTypes;
import io.invicta.cep.Partitioning;
import io.invicta.cep.RuleSet;
import io.invicta.cep.RuleSetException;
import io.invicta.jobs.common.Decoded;
import io.invicta.jobs.common.DecodedEventTimes;
import io.invicta.jobs.common.DeadLetter;
import io.invicta.jobs.common.EventTimeOptions;
import io.invicta.jobs.common.LateEvent;
import io.invicta.jobs.common.ZoneResolver;
import io.invicta.jobs.common.RouteDecoded;
import io.invicta.schemas.Alert;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules job: every event input decoded (dead letters split off), zoned, then routed by each partitioning its
 * rule modules use to an {@link EsperOperator} (city-wide at parallelism 1); alerts out. Rule-set versions come
 * from the packaged files or, with hot reload on, also from a broadcast rules stream. Sources are arguments so
 * tests can plug in their own; {@link CepJobMain} wires Kafka and InfluxDB.
 *
 * <p>Operator uids: {@code cep-source-<type>}, {@code cep-decode-<type>} (decode, validate, zone),
 * {@code cep-rules-source}, {@code cep-<partition>} (stable: savepoints survive upgrades).
 */
public final class CepJob {

    public static final String NAME = "invicta-cep";

    /** One event input: its Avro type and a source of decoded records. */
    public record Input<T extends SpecificRecord>(Class<T> type, Source<Decoded<T>, ?, ?> source) {
    }

    /** What the job produces; the caller attaches sinks. */
    public record Outputs(DataStream<Alert> alerts, DataStream<DeadLetter> deadLetters, DataStream<LateEvent> late,
                          DataStream<RuleStatus> ruleStatus) {
    }

    private final ReadableConfig config;
    private final List<Input<?>> inputs;
    private final Source<RuleSetUpdate, ?, ?> ruleUpdates;
    private final RuleSetUpdate initial;

    /** {@code ruleUpdates} null: hot reload off. */
    public CepJob(ReadableConfig config, RuleSetUpdate initial, List<Input<?>> inputs,
                  Source<RuleSetUpdate, ?, ?> ruleUpdates) {
        this.config = config;
        this.initial = initial;
        this.inputs = List.copyOf(inputs);
        this.ruleUpdates = ruleUpdates;
    }

    public Outputs build(StreamExecutionEnvironment env) throws RuleSetException {
        DataStream<CepEvent> events = null;
        DataStream<DeadLetter> deadLetters = null;
        ZoneResolver zones = ZoneResolver.of(config);
        for (Input<?> input : inputs) {
            Decodes<?> decoded = decode(env, input, zones);
            events = events == null ? decoded.events : events.union(decoded.events);
            deadLetters = deadLetters == null ? decoded.deadLetters : deadLetters.union(decoded.deadLetters);
        }
        if (events == null) {
            throw new IllegalArgumentException("the rules job needs at least one input");
        }
        Rules rules = applyRules(env, config, initial, ruleUpdates, events);
        return new Outputs(rules.alerts(), deadLetters, rules.late(), rules.status());
    }

    /** What the rule operators produce. */
    public record Rules(DataStream<Alert> alerts, DataStream<LateEvent> late, DataStream<RuleStatus> status) {
    }

    /**
     * The rule operators on decoded, zoned events with timestamps and watermarks: one per partitioning in use,
     * each fed only the event types its modules read (every type when hot reload is on, since a new version may
     * read others).
     */
    public static Rules applyRules(StreamExecutionEnvironment env, ReadableConfig config, RuleSetUpdate initial,
                                   Source<RuleSetUpdate, ?, ?> ruleUpdates, DataStream<CepEvent> events)
            throws RuleSetException {
        RuleSet ruleSet = RuleSet.compile(initial.version, initial.files());
        env.getConfig().setAutoWatermarkInterval(config.get(CepOptions.WATERMARK_INTERVAL).toMillis());
        // No operator of this job changes or keeps a record it passed on (the rule operators keep what they
        // receive from the network, never a chained input), so chained operators need not copy: without this
        // every event would be deep-copied into each of the route filters chained after the source.
        env.getConfig().enableObjectReuse();
        Set<Partitioning> partitions = config.getOptional(CepOptions.PARTITIONS)
                .<Set<Partitioning>>map(list -> list.isEmpty() ? EnumSet.noneOf(Partitioning.class) : EnumSet.copyOf(list))
                .orElseGet(() -> used(ruleSet));
        DataStream<RuleSetUpdate> updates = ruleUpdates == null
                ? env.fromData(List.of(initial), TypeInformation.of(RuleSetUpdate.class)).name("cep-rules-packaged")
                        .uid("cep-rules-packaged")
                : env.fromSource(ruleUpdates, WatermarkStrategy.noWatermarks(), "cep-rules-source")
                        .uid("cep-rules-source");
        DataStream<Alert> alerts = null;
        DataStream<LateEvent> late = null;
        DataStream<RuleStatus> status = null;
        for (Partitioning partitioning : partitions) {
            DataStream<CepEvent> routed = ruleUpdates != null ? events : events
                    .filter(new ReadTypes(ruleSet, partitioning))
                    .name("cep-route-" + partitioning.tagValue())
                    .uid("cep-route-" + partitioning.tagValue());
            SingleOutputStreamOperator<Alert> out = routed.keyBy(new CepKeys(partitioning))
                    .connect(updates.broadcast())
                    .transform("cep-" + partitioning.tagValue(), TypeInformation.of(Alert.class),
                            new EsperOperator(partitioning, initial, partitions))
                    .uid("cep-" + partitioning.tagValue());
            if (partitioning == Partitioning.CITY) {
                out.setParallelism(config.get(CepOptions.CITY_PARALLELISM)).setMaxParallelism(1);
            }
            alerts = alerts == null ? out : alerts.union(out);
            late = late == null ? out.getSideOutput(EsperOperator.LATE) : late.union(out.getSideOutput(EsperOperator.LATE));
            status = status == null ? out.getSideOutput(EsperOperator.STATUS)
                    : status.union(out.getSideOutput(EsperOperator.STATUS));
        }
        if (alerts == null) {
            throw new IllegalArgumentException("no rule partition enabled (cep.partitions)");
        }
        return new Rules(alerts, late, status);
    }

    private static Set<Partitioning> used(RuleSet rules) {
        Set<Partitioning> used = EnumSet.noneOf(Partitioning.class);
        rules.modules().forEach(m -> used.add(m.partitioning()));
        return used;
    }

    private record Decodes<T>(DataStream<CepEvent> events, DataStream<DeadLetter> deadLetters) {
    }

    private <T extends SpecificRecord> Decodes<T> decode(StreamExecutionEnvironment env, Input<T> input,
                                                         ZoneResolver zones) {
        String name = input.type().getSimpleName();
        SingleOutputStreamOperator<CepEvent> events = env
                .fromSource(input.source(), DecodedEventTimes.watermarks(
                                EventTypes::dateObservedOf,
                                config.get(EventTimeOptions.MAX_OUT_OF_ORDERNESS), config.get(EventTimeOptions.IDLENESS)),
                        "cep-source-" + name)
                .uid("cep-source-" + name)
                .process(new RouteDecoded<>(new ToCepEvent<T>(zones)))
                .returns(CepEvent.class)
                .name("cep-decode-" + name)
                .uid("cep-decode-" + name);
        return new Decodes<>(events, events.getSideOutput(RouteDecoded.DEAD_LETTERS));
    }
}
