package io.invicta.jobs.cep;

import io.invicta.rules.Partitioning;
import io.invicta.rules.RuleCounters;
import io.invicta.rules.RuleInfo;
import io.invicta.rules.RuleRuntime;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.HashSet;
import java.util.Set;

/**
 * The operator's metrics, under {@code cep.partition.<partition>}: {@code lateEvents}, {@code
 * alertsAlreadyEmitted}, {@code ruleSetVersion}, {@code alertLatencyMicros}, {@code
 * eventsPerRelease} and {@code releaseMicros} (histograms), per rule {@code
 * rule.<name>.matches|alerts|suppressed|eventsIn|moduleEvaluationMillis} (the last two its
 * module's) and per module {@code module.<name>.eventsIn|evaluationMillis}. Gauges read the current
 * runtime, so they survive a hot reload; rules that appear with a reload are registered then.
 *
 * <p>Partition, rule and module are key-value groups: reporters that tag (InfluxDB, Prometheus)
 * keep one metric name for every partition, rule and module, with the value as a tag, so dashboards
 * query stable names (docs/pipeline-metrics.yaml).
 */
final class CepMetrics {

    private final MetricGroup group;
    private final Counter late;
    private final Counter alreadyEmitted;
    private final Histogram alertLatency;
    private final Histogram eventsPerRelease;
    private final Histogram releaseTime;
    private final Set<String> registered = new HashSet<>();
    private RuleRuntime runtime;
    private int version;

    CepMetrics(MetricGroup parent, Partitioning partitioning) {
        this.group = parent.addGroup("partition", partitioning.tagValue());
        this.late = group.counter("lateEvents");
        this.alreadyEmitted = group.counter("alertsAlreadyEmitted");
        group.gauge("ruleSetVersion", (Gauge<Integer>) () -> version);
        this.alertLatency =
                group.histogram("alertLatencyMicros", new DescriptiveStatisticsHistogram(10_000));
        this.eventsPerRelease =
                group.histogram("eventsPerRelease", new DescriptiveStatisticsHistogram(10_000));
        this.releaseTime =
                group.histogram("releaseMicros", new DescriptiveStatisticsHistogram(10_000));
    }

    void track(RuleRuntime current) {
        this.runtime = current;
        this.version = current.ruleSet().version();
        for (RuleInfo info : current.ruleSet().rules()) {
            String rule = info.name();
            if (current.ruleCounters().containsKey(rule) && registered.add("rule." + rule)) {
                MetricGroup g = group.addGroup("rule", rule);
                g.gauge("matches", (Gauge<Long>) () -> counters(rule).matches());
                g.gauge("alerts", (Gauge<Long>) () -> counters(rule).alerts());
                g.gauge("suppressed", (Gauge<Long>) () -> counters(rule).suppressed());
                // A rule is evaluated inside its module's Esper runtime, with the module's other
                // statements:
                // events in and evaluation time are the module's (shared by its rules).
                g.gauge("eventsIn", (Gauge<Long>) () -> stats(info.module()).eventsIn());
                g.gauge(
                        "moduleEvaluationMillis",
                        (Gauge<Long>) () -> stats(info.module()).evaluationNanos() / 1_000_000);
            }
        }
        for (RuleRuntime.ModuleStats module : current.moduleStats()) {
            if (registered.add("module." + module.module())) {
                MetricGroup g = group.addGroup("module", module.module());
                g.gauge("eventsIn", (Gauge<Long>) () -> stats(module.module()).eventsIn());
                g.gauge(
                        "evaluationMillis",
                        (Gauge<Long>) () -> stats(module.module()).evaluationNanos() / 1_000_000);
            }
        }
    }

    /**
     * Wall time from the watermark that released the triggering event to the alert leaving the
     * operator.
     */
    void alertLatency(long nanos) {
        alertLatency.update(nanos / 1_000);
    }

    /**
     * A watermark released {@code events} (at least one) in {@code nanos} of wall time: an alert
     * waits for the part of its watermark's events ahead of it, so these two bound its latency.
     */
    void released(int events, long nanos) {
        eventsPerRelease.update(events);
        releaseTime.update(nanos / 1_000);
    }

    void late() {
        late.inc();
    }

    /** An alert held back: the instance that had its key before a rescale emitted it. */
    void alreadyEmitted() {
        alreadyEmitted.inc();
    }

    void ruleSetVersion(int current) {
        this.version = current;
    }

    private RuleCounters counters(String rule) {
        RuleCounters c = runtime.ruleCounters().get(rule);
        return c == null ? new RuleCounters() : c;
    }

    private RuleRuntime.ModuleStats stats(String module) {
        return runtime.moduleStats().stream()
                .filter(m -> m.module().equals(module))
                .findFirst()
                .orElse(new RuleRuntime.ModuleStats(module, 0, 0));
    }
}
