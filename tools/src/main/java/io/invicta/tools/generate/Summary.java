package io.invicta.tools.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run produced: records per topic, anomalies injected, event-time range, wall-clock time and
 * rate.
 */
record Summary(
        long[] perType,
        long total,
        long elapsedNanos,
        long firstEventTime,
        long lastEventTime,
        List<Anomaly> anomalies,
        long streamEnd) {

    double eventsPerSecond() {
        return elapsedNanos == 0 ? 0 : total / (elapsedNanos / 1e9);
    }

    /**
     * Injected anomalies by kind: hits for rate anomalies, 1 per window anomaly that the stream
     * reached.
     */
    Map<String, Long> injected() {
        Map<String, Long> out = new TreeMap<>();
        for (Anomaly a : anomalies) {
            long n = a.kind.windowed ? (streamEnd >= a.start ? 1 : 0) : a.hits;
            out.merge(a.kind.cliName(), n, Long::sum);
        }
        return out;
    }

    String render() {
        StringBuilder b =
                new StringBuilder("Generated ")
                        .append(total)
                        .append(" records in ")
                        .append(
                                String.format(
                                        "%.1f s (%,.0f records/s)",
                                        elapsedNanos / 1e9, eventsPerSecond()))
                        .append('\n');
        if (total > 0) {
            b.append("  event time ")
                    .append(Instant.ofEpochMilli(firstEventTime))
                    .append(" .. ")
                    .append(Instant.ofEpochMilli(lastEventTime))
                    .append(" (")
                    .append(Duration.ofMillis(lastEventTime - firstEventTime))
                    .append(")\n");
        }
        for (EventType t : EventType.ALL) {
            b.append(String.format("  %-18s %,d%n", t.topic(), perType[t.ordinal()]));
        }
        b.append("  anomalies injected:");
        Map<String, Long> injected = injected();
        if (injected.isEmpty()) {
            b.append(" none");
        }
        injected.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.append('\n').toString();
    }
}
