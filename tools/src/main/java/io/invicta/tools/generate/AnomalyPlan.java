package io.invicta.tools.generate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns the {@code --anomaly} specs into placed anomalies, deterministically from the seed.
 *
 * <p>Spec syntax: {@code kind[:key=value,key=value...]}, e.g. {@code
 * pollution-episode:zone=Baixa,at=PT2H,duration=PT1H} or {@code corrupt:rate=0.001}. Window
 * anomalies take {@code at} (offset from --start; default: a seeded position inside the planned
 * span) and {@code duration}; zone anomalies take {@code zone}; entity anomalies take {@code
 * entity} or {@code type}. Rate anomalies take {@code rate} and, for late/out-of-order, {@code
 * min-lag} and {@code max-lag}. Defaults are in {@link #DEFAULT_MIX} and docs/GENERATOR.md.
 */
final class AnomalyPlan {

    /** The documented default mix ({@code --anomalies default}). */
    static final List<String> DEFAULT_MIX =
            List.of(
                    "pollution-episode",
                    "congestion",
                    "silent",
                    "stuck",
                    "out-of-order",
                    "late",
                    "duplicate",
                    "corrupt");

    private AnomalyPlan() {}

    /** Splits {@code kind:k=v,k=v} into the kind and its parameters. */
    static Map.Entry<Anomaly.Kind, Map<String, String>> parse(String spec) {
        int colon = spec.indexOf(':');
        Anomaly.Kind kind = Anomaly.Kind.parse(colon < 0 ? spec : spec.substring(0, colon));
        Map<String, String> params = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String kv : spec.substring(colon + 1).split(",")) {
                if (kv.isBlank()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(
                            "anomaly parameter '" + kv + "' in '" + spec + "' is not key=value");
                }
                params.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
        }
        return Map.entry(kind, params);
    }

    /**
     * Places every spec.
     *
     * @param spanMs the planned event-time span of the run (used for default placement)
     */
    static List<Anomaly> place(
            List<String> specs,
            long seed,
            long startMs,
            long spanMs,
            EnumMap<EventType, EntityTable> tables) {
        List<Anomaly> placed = new ArrayList<>();
        for (int n = 0; n < specs.size(); n++) {
            Map.Entry<Anomaly.Kind, Map<String, String>> parsed = parse(specs.get(n));
            Map<String, String> p = new LinkedHashMap<>(parsed.getValue());
            Anomaly a = new Anomaly(parsed.getKey(), n);
            SplittableRandom random =
                    new SplittableRandom(seed * 0x2545F4914F6CDD1DL + 7919L * n + a.kind.ordinal());
            switch (a.kind) {
                case POLLUTION_EPISODE -> {
                    a.type = EventType.AIR_QUALITY;
                    a.zone = zone(p.remove("zone"), a.type, tables, random);
                    window(a, p, Duration.ofHours(1), startMs, spanMs, random);
                    a.no2Added = number(p.remove("no2"), 180);
                    a.pm10Added = number(p.remove("pm10"), 90);
                }
                case CONGESTION -> {
                    a.type = EventType.TRAFFIC_FLOW;
                    a.zone = zone(p.remove("zone"), a.type, tables, random);
                    window(a, p, Duration.ofMinutes(45), startMs, spanMs, random);
                    a.speedFactor = number(p.remove("speed-factor"), 0.3);
                    a.occupancyAdded = number(p.remove("occupancy"), 0.4);
                    a.intensityFactor = number(p.remove("intensity-factor"), 0.7);
                    check(
                            a.speedFactor > 0 && a.speedFactor < 0.5,
                            "congestion speed-factor must be in (0, 0.5)");
                }
                case SILENT, STUCK -> {
                    entity(a, p.remove("entity"), p.remove("type"), tables, random);
                    window(
                            a,
                            p,
                            a.kind == Anomaly.Kind.SILENT
                                    ? Duration.ofMinutes(30)
                                    : Duration.ofMinutes(90),
                            startMs,
                            spanMs,
                            random);
                    check(
                            a.kind == Anomaly.Kind.SILENT
                                    || a.end - a.start >= Duration.ofHours(1).toMillis(),
                            "a stuck sensor repeats its reading for at least PT1H (duration)");
                }
                case OUT_OF_ORDER, LATE, DUPLICATE, CORRUPT -> {
                    double defaultRate =
                            switch (a.kind) {
                                case OUT_OF_ORDER -> 0.001;
                                case LATE, DUPLICATE -> 0.0005;
                                default -> 0.0002;
                            };
                    a.rate = number(p.remove("rate"), defaultRate);
                    check(a.rate >= 0 && a.rate <= 1, "rate must be in [0, 1]");
                    if (a.kind == Anomaly.Kind.OUT_OF_ORDER || a.kind == Anomaly.Kind.LATE) {
                        boolean late = a.kind == Anomaly.Kind.LATE;
                        a.minLagMs =
                                duration(
                                                p.remove("min-lag"),
                                                late
                                                        ? Duration.ofMinutes(2)
                                                        : Duration.ofSeconds(1))
                                        .toMillis();
                        a.maxLagMs =
                                duration(
                                                p.remove("max-lag"),
                                                late
                                                        ? Duration.ofMinutes(10)
                                                        : Duration.ofSeconds(25))
                                        .toMillis();
                        check(
                                a.minLagMs > 0 && a.maxLagMs >= a.minLagMs,
                                "need 0 < min-lag <= max-lag");
                    }
                    a.startSampling(seed);
                }
            }
            check(
                    p.isEmpty(),
                    "unknown parameter(s) " + p.keySet() + " for anomaly " + a.kind.cliName());
            if (a.kind.windowed && a.type != null && (a.zone >= 0 || a.entity >= 0)) {
                placed.add(a);
            } else if (!a.kind.windowed) {
                placed.add(a);
            } else {
                System.err.println(
                        "[generate] WARNING: no entity for anomaly " + specs.get(n) + ", skipped");
            }
        }
        return placed;
    }

    private static void window(
            Anomaly a,
            Map<String, String> p,
            Duration defaultDuration,
            long startMs,
            long spanMs,
            SplittableRandom random) {
        long duration = duration(p.remove("duration"), defaultDuration).toMillis();
        check(duration > 0, "duration must be positive");
        String at = p.remove("at");
        long offset;
        if (at != null) {
            offset = Duration.parse(at).toMillis();
        } else {
            long room = Math.max(0, spanMs - duration);
            offset = (long) (room * (0.1 + 0.8 * random.nextDouble()));
        }
        a.start = startMs + offset;
        a.end = a.start + duration;
    }

    private static int zone(
            String name,
            EventType type,
            EnumMap<EventType, EntityTable> tables,
            SplittableRandom random) {
        EntityTable table = tables.get(type);
        if (name != null) {
            return PortoZones.indexOf(name);
        }
        if (table == null || table.size == 0) {
            return -1;
        }
        return table.zones[random.nextInt(table.size)]; // a zone that has sensors of this type
    }

    private static void entity(
            Anomaly a,
            String id,
            String typeName,
            EnumMap<EventType, EntityTable> tables,
            SplittableRandom random) {
        if (id != null) {
            for (EntityTable t : tables.values()) {
                for (int i = 0; i < t.size; i++) {
                    if (t.ids[i].equals(id)) {
                        a.type = t.type;
                        a.entity = i;
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("no entity with id '" + id + "'");
        }
        List<EntityTable> candidates = new ArrayList<>();
        for (EntityTable t : tables.values()) {
            if (t.size > 0
                    && (typeName == null
                            ? t.type != EventType.VEHICLE_POSITIONS
                            : t.type == EventType.parse(typeName))) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        EntityTable t = candidates.get(random.nextInt(candidates.size()));
        a.type = t.type;
        a.entity = random.nextInt(t.size);
    }

    private static double number(String s, double fallback) {
        return s == null ? fallback : Double.parseDouble(s);
    }

    private static Duration duration(String s, Duration fallback) {
        return s == null ? fallback : Duration.parse(s);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
