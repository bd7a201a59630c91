package io.invicta.jobs.cep;

import io.invicta.rules.EventTypes;
import io.invicta.rules.RuleFile;
import io.invicta.schemas.AirQualityObserved;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The rules job against Flink's own CEP library ({@code flink-cep}) and raw Esper, on the rules all
 * three can express, over the same air-quality readings (the generator's, with its default
 * anomalies: a pollution episode, a silent sensor …):
 *
 * <ul>
 *   <li>{@value #THREE_HIGH}: three consecutive NO2 readings of a zone above 200 µg/m³, the third
 *       within 15 minutes of the first (the shipped episode rule's pattern, every match, no storm
 *       suppression): Esper's {@code match_recognize}, and in {@code flink-cep} a strict-contiguity
 *       pattern keyed by zone that skips past the last event of a match;
 *   <li>{@value #SILENT}: no reading from a sensor for 15 minutes after one (Esper's {@code every a
 *       -> (timer:interval(15 min) and not …)}; in {@code flink-cep} {@code notFollowedBy} at the
 *       end of a pattern within 15 minutes, keyed by sensor).
 * </ul>
 *
 * Each run reads the same decoded, zoned events ({@link InterleavedStream}) at parallelism 1 with
 * the same watermarks (the flink-cep job decoding each event as the rules operator does, {@link
 * CepEventCodec#decode}); every run counts its alerts per rule, so a faster run that finds other
 * alerts shows. Usage: {@code FlinkCepBenchmark [EVENTS] [ROUNDS]}, run by scripts/bench-cep.
 */
public final class FlinkCepBenchmark {

    static final String THREE_HIGH = "no2-three-high-readings";
    static final String SILENT = "sensor-silent-15-min";
    private static final double HIGH = 200;
    private static final Duration WITHIN = Duration.ofMinutes(15);

    static final String THREE_HIGH_RULE =
            """
module compare_episodes;

insert into HighNo2Run
select * from AirQualityObserved(no2 is not null)
match_recognize (
  partition by zone
  measures a.zone as zone, a.no2 as no2First, c.no2 as no2Third
  pattern (a b c)
  define
    a as a.no2 > 200,
    b as b.no2 > 200,
    c as c.no2 > 200 and c.dateObserved.toEpochMilli() - a.dateObserved.toEpochMilli() <= 15 * 60 * 1000
);

@Name('%s')
@Description('three NO2 readings above 200 in a row in a zone within 15 minutes')
@Tag(name='severity', value='WARNING')
@Tag(name='partition', value='zone')
@Tag(name='message', value='NO2 above 200 three times in {zone}')
select zone, no2First, no2Third from HighNo2Run;
"""
                    .formatted(THREE_HIGH);

    static final String SILENT_RULE =
            """
module compare_silence;

@Name('%s')
@Description('no reading from a sensor for 15 minutes')
@Tag(name='severity', value='INFO')
@Tag(name='partition', value='sensor')
@Tag(name='message', value='{sensor} silent in {zone}')
select a.zone as zone, a.id as sensor
from pattern [every a=AirQualityObserved -> (timer:interval(15 min) and not AirQualityObserved(id = a.id))];
"""
                    .formatted(SILENT);

    private FlinkCepBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        GeneratedStream stream = CepBenchmark.generate(events, "--types", "air-quality");
        int n = stream.encoded.size();
        List<RuleFile> files =
                List.of(
                        new RuleFile("compare-episodes.epl", THREE_HIGH_RULE),
                        new RuleFile("compare-silence.epl", SILENT_RULE));
        RuleSetUpdate rules = RuleSetUpdate.of(1, files);
        System.out.printf(
                "flink-cep comparison: %,d air-quality records (%,d decodable), rules %s and %s%n",
                n, stream.sorted.size(), THREE_HIGH, SILENT);
        for (int round = 1; round <= rounds; round++) {
            double raw = CepBenchmark.raw(files, stream);
            Map<String, Long> rawAlerts = new TreeMap<>(CepBenchmark.RAW_ALERTS_BY_RULE);
            double job = CepBenchmark.flink(rules, n, 1, 0, null);
            Map<String, Long> jobAlerts = CepBenchmark.byRule(CepBenchmark.ALERTS_BY_RULE);
            double cep =
                    flinkCep(
                            n, EventTypes.eventTimeOf(stream.sorted.get(stream.sorted.size() - 1)));
            Map<String, Long> cepAlerts = CepBenchmark.byRule(CEP_ALERTS);
            System.out.printf(
                    "round %d: raw Esper %,.0f ev/s | rules job p=1 %,.0f ev/s | flink-cep p=1"
                            + " %,.0f ev/s | rules job / flink-cep %.2f | rules job / raw Esper"
                            + " %.2f%n",
                    round, raw, job, cep, job / cep, job / raw);
            System.out.printf(
                    "  alerts: raw Esper %s, rules job %s, flink-cep %s (%s)%n",
                    rawAlerts,
                    jobAlerts,
                    cepAlerts,
                    jobAlerts.equals(cepAlerts)
                            ? "the two Flink jobs agree"
                            : "the two Flink jobs DIFFER");
        }
    }

    /** The last flink-cep run's matches by rule. */
    private static final Map<String, LongAdder> CEP_ALERTS = new ConcurrentHashMap<>();

    /** The two rules as flink-cep patterns; events per second from submission to the end. */
    static double flinkCep(int n, long lastEventTime) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        DataStream<Reading> readings =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        new InterleavedStream(n, 1),
                                        n,
                                        RateLimiterStrategy.noOp(),
                                        TypeInformation.of(CepEvent.class)),
                                WatermarkStrategy.<CepEvent>forBoundedOutOfOrderness(
                                                Duration.ofSeconds(30))
                                        .withTimestampAssigner((e, t) -> e.time),
                                "generator")
                        .filter(e -> e.type >= 0)
                        .map(new ToReading())
                        .name("decode");
        Pattern<Reading, Reading> threeHigh =
                Pattern.<Reading>begin("a", AfterMatchSkipStrategy.skipPastLastEvent())
                        .where(SimpleCondition.of(r -> r.no2 > HIGH))
                        .next("b")
                        .where(SimpleCondition.of(r -> r.no2 > HIGH))
                        .next("c")
                        .where(
                                new IterativeCondition<>() {
                                    @Override
                                    public boolean filter(Reading c, Context<Reading> ctx)
                                            throws Exception {
                                        if (!(c.no2 > HIGH)) {
                                            return false;
                                        }
                                        for (Reading a : ctx.getEventsForPattern("a")) {
                                            return c.time - a.time <= WITHIN.toMillis();
                                        }
                                        return false;
                                    }
                                })
                        // Pruning only: the condition above is the rule's (at most 15 minutes).
                        .within(WITHIN.plusMillis(1));
        CEP.pattern(readings.filter(r -> !Double.isNaN(r.no2)).keyBy(r -> r.zone), threeHigh)
                .inEventTime()
                .process(new Count(THREE_HIGH, Duration.ZERO, Long.MAX_VALUE))
                .name(THREE_HIGH)
                .sinkTo(new DiscardingSink<>());
        Pattern<Reading, Reading> silent =
                Pattern.<Reading>begin("a").notFollowedBy("b").within(WITHIN);
        CEP.pattern(readings.keyBy(r -> r.sensor), silent)
                .inEventTime()
                .process(new Count(SILENT, WITHIN, lastEventTime))
                .name(SILENT)
                .sinkTo(new DiscardingSink<>());
        CEP_ALERTS.clear();
        long start = System.nanoTime();
        env.execute("flink-cep-benchmark");
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** What the two patterns read of a reading: decoded once, as the rules operator decodes it. */
    public static final class Reading {
        public long time;
        public String sensor;
        public String zone;
        public double no2;

        public Reading() {}
    }

    private static final class ToReading extends RichMapFunction<CepEvent, Reading> {
        private static final long serialVersionUID = 1L;
        private transient CepEventCodec codec;

        @Override
        public void open(OpenContext context) {
            codec = new CepEventCodec();
        }

        @Override
        public Reading map(CepEvent event) {
            AirQualityObserved record = (AirQualityObserved) codec.decode(event);
            Reading r = new Reading();
            r.time = event.time;
            r.sensor = event.sensor;
            r.zone = event.zone;
            r.no2 = record.getNo2() == null ? Double.NaN : record.getNo2();
            return r;
        }
    }

    private static final class Count extends PatternProcessFunction<Reading, Reading> {
        private static final long serialVersionUID = 1L;
        private final String rule;
        private final long afterFirst;
        private final long until;

        /**
         * Counts the matches of {@code rule} found at or before {@code until}, a match being found
         * {@code afterFirst} after its first event (a silence when it has lasted): the end of a
         * bounded input moves the watermark to the end of time, which times out every sensor's last
         * reading, but the end of a replay is no silence (the rules job's Esper clock stops at the
         * last event's time).
         */
        Count(String rule, Duration afterFirst, long until) {
            this.rule = rule;
            this.afterFirst = afterFirst.toMillis();
            this.until = until;
        }

        @Override
        public void processMatch(
                Map<String, List<Reading>> match, Context ctx, Collector<Reading> out) {
            Reading first = match.get("a").get(0);
            if (first.time + afterFirst <= until) {
                CepBenchmark.count(CEP_ALERTS, rule);
                out.collect(first);
            }
        }
    }
}
