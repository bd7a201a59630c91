package io.invicta.tools.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The generation loop. Every type has its entities report at {@code start + k·interval +
 * i·interval/n}; the loop merges the seven schedules by event time (ties by type order), so events
 * leave in event-time order except the ones deliberately shifted back (out-of-order, late). Per
 * event: apply the window anomalies of the entity, maybe shift its event time, encode, send, then
 * maybe send a duplicate or a corrupt copy.
 *
 * <p>Everything that varies is a function of the seed, so the same configuration gives the same
 * sequence of (topic, key, value) bytes. Single-threaded; {@link #requestStop()} and the progress
 * getters may be called from other threads.
 */
final class StreamGenerator {

    private static final EventType[] TYPES = EventType.ALL;

    private final GeneratorConfig config;
    private final EventSink sink;
    private final GroundTruth groundTruth;
    private final Readings readings;
    private final EntityTable[] tables = new EntityTable[TYPES.length];
    private final Anomaly[][][] windows = new Anomaly[TYPES.length][][];
    private final List<Anomaly> placed;
    private final Anomaly[] shifters;
    private final Anomaly[] duplicators;
    private final Anomaly[] corruptors;
    private final long[] topicMax = new long[TYPES.length];
    private final long[] perType = new long[TYPES.length];
    private final long maxEvents;
    private final long endMs;

    private long written;
    private long seq;
    private long lastNominal = Long.MIN_VALUE;
    private boolean done;
    private volatile boolean stopRequested;
    private volatile long publishedWritten;
    private volatile long publishedEventTime;
    // Pacing (--rate)
    private long paceStartNanos;
    private final double nanosPerEvent;
    private final long paceChunk;

    StreamGenerator(GeneratorConfig config, EventSink sink, GroundTruth groundTruth) {
        config.validate();
        this.config = config;
        this.sink = sink;
        this.groundTruth = groundTruth;
        this.readings = new Readings(config.seed);
        EnumMap<EventType, EntityTable> byType = new EnumMap<>(EventType.class);
        for (EventType t : TYPES) {
            tables[t.ordinal()] =
                    new EntityTable(
                            t,
                            config.counts.get(t),
                            config.intervalsMs.get(t),
                            config.seed,
                            config.busShare);
            byType.put(t, tables[t.ordinal()]);
        }
        placed =
                AnomalyPlan.place(
                        config.anomalies,
                        config.seed,
                        config.startMs,
                        config.planningSpanMs(),
                        byType);
        List<Anomaly> shift = new ArrayList<>();
        List<Anomaly> dup = new ArrayList<>();
        List<Anomaly> bad = new ArrayList<>();
        for (Anomaly a : placed) {
            switch (a.kind) {
                case OUT_OF_ORDER, LATE -> shift.add(a);
                case DUPLICATE -> dup.add(a);
                case CORRUPT -> bad.add(a);
                default -> attachWindow(a);
            }
        }
        shifters = shift.toArray(new Anomaly[0]);
        duplicators = dup.toArray(new Anomaly[0]);
        corruptors = bad.toArray(new Anomaly[0]);
        Arrays.fill(topicMax, Long.MIN_VALUE);
        maxEvents =
                config.maxEvents == GeneratorConfig.UNBOUNDED ? Long.MAX_VALUE : config.maxEvents;
        endMs =
                config.durationMs == GeneratorConfig.UNBOUNDED
                        ? Long.MAX_VALUE
                        : config.startMs + config.durationMs;
        nanosPerEvent = config.rate > 0 ? 1e9 / config.rate : 0;
        paceChunk = config.rate > 0 ? Math.max(1, (long) (config.rate / 2000)) : Long.MAX_VALUE;
        publishedEventTime = config.startMs;
    }

    private void attachWindow(Anomaly a) {
        int ty = a.type.ordinal();
        EntityTable t = tables[ty];
        if (windows[ty] == null) {
            windows[ty] = new Anomaly[t.size][];
        }
        for (int i = 0; i < t.size; i++) {
            if (a.entity == i || (a.entity < 0 && t.zones[i] == a.zone)) {
                Anomaly[] old = windows[ty][i];
                Anomaly[] list = old == null ? new Anomaly[1] : Arrays.copyOf(old, old.length + 1);
                list[list.length - 1] = a;
                windows[ty][i] = list;
            }
        }
    }

    List<Anomaly> anomalies() {
        return placed;
    }

    EntityTable table(EventType type) {
        return tables[type.ordinal()];
    }

    void requestStop() {
        stopRequested = true;
    }

    long written() {
        return publishedWritten;
    }

    long eventTime() {
        return publishedEventTime;
    }

    /**
     * Runs until --events, --duration or {@link #requestStop()}; flushes the sink and writes the
     * window ground truth.
     */
    Summary run() {
        long startNanos = System.nanoTime();
        paceStartNanos = startNanos;
        long start = config.startMs;
        long[] next = new long[TYPES.length];
        int[] pos = new int[TYPES.length];
        long[] tick = new long[TYPES.length];
        for (int k = 0; k < TYPES.length; k++) {
            next[k] = tables[k].size == 0 ? Long.MAX_VALUE : start;
        }
        long iterations = 0;
        while (!done) {
            int ty = 0;
            long best = next[0];
            for (int k = 1; k < next.length; k++) {
                if (next[k] < best) {
                    best = next[k];
                    ty = k;
                }
            }
            if (best == Long.MAX_VALUE || best >= endMs) {
                break;
            }
            lastNominal = best;
            emit(ty, pos[ty], best);
            EntityTable t = tables[ty];
            if (++pos[ty] == t.size) {
                pos[ty] = 0;
                tick[ty]++;
            }
            next[ty] = start + tick[ty] * t.intervalMs + t.phase(pos[ty]);
            if ((++iterations & 0x3FF) == 0) {
                publishedWritten = written;
                publishedEventTime = best;
                if (stopRequested) {
                    break;
                }
            }
        }
        sink.flush();
        long elapsed = System.nanoTime() - startNanos;
        publishedWritten = written;
        for (Anomaly a : placed) {
            if (a.kind.windowed && lastNominal >= a.start) {
                groundTruth.window(a, tables[a.type.ordinal()], lastNominal);
            }
        }
        return new Summary(
                perType.clone(),
                written,
                elapsed,
                config.startMs,
                lastNominal,
                placed,
                lastNominal);
    }

    private void emit(int ty, int i, long t) {
        EntityTable e = tables[ty];
        Anomaly[][] typeWindows = windows[ty];
        Anomaly[] list = typeWindows == null ? null : typeWindows[i];
        long valueTime = t;
        long eventTime = t;
        Anomaly pollution = null;
        Anomaly congestion = null;
        if (list != null) {
            for (Anomaly a : list) {
                if (!a.covers(t)) {
                    continue;
                }
                a.countAffected(t);
                switch (a.kind) {
                    case SILENT -> {
                        return;
                    }
                    case STUCK -> valueTime = a.start;
                    case POLLUTION_EPISODE -> pollution = a;
                    case CONGESTION -> congestion = a;
                    default -> {}
                }
            }
        }
        long s = seq++;
        Anomaly shiftedBy = null;
        long lag = 0;
        long maxBefore = topicMax[ty];
        if (list == null
                && maxBefore
                        != Long.MIN_VALUE) { // entities with window anomalies are never shifted
            for (Anomaly a : shifters) {
                if (s >= a.nextHit) {
                    lag = a.drawLag();
                    eventTime = valueTime = maxBefore - lag;
                    a.hit(s);
                    shiftedBy = a;
                    break;
                }
            }
        }
        byte[] value = readings.encode(e, i, valueTime, eventTime, pollution, congestion);
        if (!write(ty, e.keys[i], value)) {
            return;
        }
        if (eventTime > topicMax[ty]) {
            topicMax[ty] = eventTime;
        }
        if (shiftedBy != null) {
            ObjectNode line = groundTruth.record(shiftedBy, e, i, readings.lastZone(), eventTime);
            if (line != null) {
                ((ObjectNode) line.get("details"))
                        .put("lagMs", lag)
                        .put("nominalTime", Instant.ofEpochMilli(t).toString())
                        .put("topicMaxBefore", Instant.ofEpochMilli(maxBefore).toString())
                        .put("minLagMs", shiftedBy.minLagMs)
                        .put("maxLagMs", shiftedBy.maxLagMs);
                groundTruth.emit(line);
            }
        }
        for (Anomaly a : duplicators) {
            if (s >= a.nextHit) {
                if (!write(ty, e.keys[i], value)) {
                    return;
                }
                a.hit(s);
                ObjectNode line = groundTruth.record(a, e, i, readings.lastZone(), eventTime);
                if (line != null) {
                    ((ObjectNode) line.get("details"))
                            .put("copies", 2)
                            .put("valueBytes", value.length);
                    groundTruth.emit(line);
                }
            }
        }
        for (Anomaly a : corruptors) {
            if (s >= a.nextHit) {
                int kind = (int) (a.hits % 3);
                if (!write(ty, e.keys[i], Corruption.corrupt(value, kind))) {
                    return;
                }
                a.hit(s);
                ObjectNode line = groundTruth.record(a, e, i, readings.lastZone(), eventTime);
                if (line != null) {
                    ((ObjectNode) line.get("details"))
                            .put("corruption", Corruption.name(kind))
                            .put("note", "sent in addition to the intact record");
                    groundTruth.emit(line);
                }
            }
        }
    }

    private boolean write(int ty, byte[] key, byte[] value) {
        if (written >= maxEvents) {
            done = true;
            return false;
        }
        sink.send(TYPES[ty], key, value);
        written++;
        perType[ty]++;
        if (written % paceChunk == 0) {
            pace();
        }
        return true;
    }

    /**
     * Smooth pacing: never ahead of start + written/rate, checked every ~0.5 ms worth of events.
     */
    private void pace() {
        long target = paceStartNanos + (long) (written * nanosPerEvent);
        long now;
        while ((now = System.nanoTime()) < target && !stopRequested) {
            LockSupport.parkNanos(target - now);
        }
    }
}
