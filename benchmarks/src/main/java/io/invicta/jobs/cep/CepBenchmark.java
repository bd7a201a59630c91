package io.invicta.jobs.cep;

import io.invicta.rules.EventTypes;
import io.invicta.rules.HourlyAggregator;
import io.invicta.rules.RuleFile;
import io.invicta.rules.RuleRuntime;
import io.invicta.rules.RuleSet;
import io.invicta.schemas.Alert;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * In-JVM throughput of the rules job with the shipped rule set (cep-rules/), at parallelism 1 and 2
 * (the source and every rule operator), without Kafka: a generator stream (the project's own
 * generator, default anomalies) is held in memory as Avro single-object bytes; the source readers
 * interleave it, decode each record, zone it and feed the rule operators. In the same run: raw
 * Esper (the same rules in a {@link RuleRuntime}, the same decoded events in time order, no Flink),
 * and the alert latency (p99 of watermark arrival → alert leaving the operator) at half the best
 * measured throughput. Run with scripts/bench-cep.
 */
public final class CepBenchmark {

    private CepBenchmark() {}

    /**
     * The benchmarks' stream, the one {@link InterleavedStream} serves: {@code events} records of
     * 2,000 sensors with the generator's default anomalies, seed 7; {@code more} generator options
     * (e.g. {@code --types air-quality}).
     */
    static GeneratedStream generate(int events, String... more) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--events",
                                String.valueOf(events),
                                "--sensors",
                                "2000",
                                "--start",
                                "2024-05-01T00:00:00Z",
                                "--anomalies",
                                "default",
                                "--seed",
                                "7"));
        args.addAll(List.of(more));
        GeneratedStream.current =
                GeneratedStream.generate(
                        Files.createTempDirectory("cep-bench"), args.toArray(String[]::new));
        return GeneratedStream.current;
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        GeneratedStream stream = generate(events);
        int n = stream.encoded.size() / 2 * 2;
        // Optional 4th argument: another rule directory or file (default: the shipped cep-rules/).
        List<RuleFile> files =
                RuleFile.readAll(List.of(Path.of(args.length > 3 ? args[3] : "cep-rules")));
        RuleSetUpdate rules = RuleSetUpdate.of(1, files);
        System.out.printf(
                "stream: %,d records (%,d decodable), %d rule modules, %d rules%n",
                n, stream.sorted.size(), files.size(), RuleSet.compile(1, files).rules().size());
        boolean rawOnly = args.length > 2 && args[2].equals("raw-only");
        // Optional 5th argument: the parallelisms to run the job at (default 1,2).
        int[] parallelisms =
                Arrays.stream((args.length > 4 ? args[4] : "1,2").split(","))
                        .mapToInt(Integer::parseInt)
                        .toArray();
        double best = 0;
        int bestParallelism = parallelisms[0];
        for (int round = 1; round <= rounds; round++) {
            double raw = raw(files, stream);
            StringBuilder line =
                    new StringBuilder(String.format("round %d: raw Esper %,.0f ev/s", round, raw));
            for (int p = 0; p < parallelisms.length && !rawOnly; p++) {
                int parallelism = parallelisms[p];
                double flink = flink(rules, n / parallelism * parallelism, parallelism, 0, null);
                if (flink > best) {
                    best = flink;
                    bestParallelism = parallelism;
                }
                line.append(
                        String.format(
                                " | Flink job p=%d %,.0f ev/s, ratio %.2f",
                                parallelism, flink, flink / raw));
            }
            System.out.println(line);
        }
        if (rawOnly) {
            return;
        }
        InMemoryReporter reporter = InMemoryReporter.createWithRetainedMetrics();
        long rate = (long) (best / 2);
        int latencyEvents = (int) Math.min(n, rate * 20) / bestParallelism * bestParallelism;
        flink(rules, latencyEvents, bestParallelism, rate, reporter);
        // Every instance's latency samples, read once right after the job (the reporter's view can
        // change later).
        long[] latencies =
                histograms(reporter).stream()
                        .flatMapToLong(h -> Arrays.stream(h.getStatistics().getValues()))
                        .sorted()
                        .toArray();
        System.out.printf(
                "alert latency at %,d ev/s (half of the best, p=%d): p50 %.1f ms, p99 %.1f ms, max"
                        + " %.1f ms over %,d alerts%n",
                rate,
                bestParallelism,
                quantile(latencies, 0.5),
                quantile(latencies, 0.99),
                quantile(latencies, 1.0),
                latencies.length);
    }

    static double raw(List<RuleFile> files, GeneratedStream stream) throws Exception {
        RuleSet set = RuleSet.compile(1, files);
        RAW_ALERTS_BY_RULE.clear();
        long start = System.nanoTime();
        try (RuleRuntime runtime =
                RuleRuntime.start(
                        set,
                        null,
                        EventTypes.eventTimeOf(stream.sorted.get(0)),
                        a -> RAW_ALERTS_BY_RULE.merge(a.getRuleId(), 1L, Long::sum))) {
            // The hourly forms the rules read, built in memory as the job builds them in state.
            HourlyAggregator hourly =
                    new HourlyAggregator(
                            set.modules().stream()
                                    .flatMap(m -> m.eventTypes().stream())
                                    .collect(Collectors.toSet()));
            for (SpecificRecord event : stream.sorted) {
                hourly.send(runtime, event);
            }
            hourly.finish(runtime);
            for (RuleRuntime.ModuleStats m : runtime.moduleStats()) {
                System.out.printf(
                        "  raw module %-18s %,10d events %,8d ms%n",
                        m.module(), m.eventsIn(), m.evaluationNanos() / 1_000_000);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "  raw: %,d alerts%n",
                RAW_ALERTS_BY_RULE.values().stream().mapToLong(Long::longValue).sum());
        return stream.sorted.size() / seconds;
    }

    static double flink(
            RuleSetUpdate rules, int n, int parallelism, long rate, InMemoryReporter reporter)
            throws Exception {
        Configuration config = new Configuration();
        if (reporter != null) {
            reporter.addToConfiguration(config);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        DataGeneratorSource<CepEvent> source =
                new DataGeneratorSource<>(
                        new InterleavedStream(n / parallelism, parallelism),
                        n,
                        rate > 0 ? RateLimiterStrategy.perSecond(rate) : RateLimiterStrategy.noOp(),
                        TypeInformation.of(CepEvent.class));
        DataStream<CepEvent> events =
                env.fromSource(
                                source,
                                WatermarkStrategy.<CepEvent>forBoundedOutOfOrderness(
                                                Duration.ofSeconds(30))
                                        .withTimestampAssigner((e, t) -> e.time),
                                "generator")
                        .filter(e -> e.type >= 0);
        CepJob.Rules out = CepJob.applyRules(env, config, rules, null, events);
        // Counted, so that a job that lost events (late, say) cannot pass for a fast one: the
        // alerts must be the raw run's.
        out.alerts()
                .map(new Count<>(true))
                .returns(out.alerts().getType())
                .sinkTo(new DiscardingSink<>());
        out.late()
                .map(new Count<>(false))
                .returns(out.late().getType())
                .sinkTo(new DiscardingSink<>());
        ALERTS_BY_RULE.clear();
        LATE.set(0);
        long start = System.nanoTime();
        env.execute("cep-benchmark");
        double eventsPerSecond = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf(
                "  Flink p=%d: %,d alerts, %,d late events%n",
                parallelism,
                byRule(ALERTS_BY_RULE).values().stream().mapToLong(Long::longValue).sum(),
                LATE.get());
        return eventsPerSecond;
    }

    /** The last raw run's alerts by rule. */
    static final Map<String, Long> RAW_ALERTS_BY_RULE = new ConcurrentHashMap<>();

    /** The last Flink run's alerts by rule. */
    static final Map<String, LongAdder> ALERTS_BY_RULE = new ConcurrentHashMap<>();

    /** The counts of {@code counters}, by rule, in rule order. */
    static Map<String, Long> byRule(Map<String, LongAdder> counters) {
        Map<String, Long> counts = new TreeMap<>();
        counters.forEach((rule, count) -> counts.put(rule, count.sum()));
        return counts;
    }

    /** Counts one alert of {@code rule} in {@code counters}. */
    static void count(Map<String, LongAdder> counters, String rule) {
        counters.computeIfAbsent(rule, r -> new LongAdder()).increment();
    }

    private static final AtomicLong LATE = new AtomicLong();

    /**
     * Counts what passes, in {@link #ALERTS_BY_RULE} or {@link #LATE} of this JVM (the MiniCluster
     * runs here).
     */
    private static final class Count<T> implements MapFunction<T, T> {
        private static final long serialVersionUID = 1L;
        private final boolean alerts;

        Count(boolean alerts) {
            this.alerts = alerts;
        }

        @Override
        public T map(T value) {
            if (alerts) {
                count(ALERTS_BY_RULE, ((Alert) value).getRuleId());
            } else {
                LATE.incrementAndGet();
            }
            return value;
        }
    }

    /** The quantile (nearest rank) of sorted microsecond samples, in milliseconds. */
    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index =
                (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[index] / 1000.0;
    }

    private static List<Histogram> histograms(InMemoryReporter reporter) {
        return reporter.getMetricsByGroup().values().stream()
                .flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey().equals("alertLatencyMicros"))
                .map(Map.Entry::getValue)
                .map(Histogram.class::cast)
                .toList();
    }
}
