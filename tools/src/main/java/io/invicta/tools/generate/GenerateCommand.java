package io.invicta.tools.generate;

import io.invicta.tools.kafka.KafkaMixin;
import io.invicta.tools.kafka.RecordSender;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/generate}: synthetic but plausible Porto sensor and vehicle streams into the
 * Invicta topics (docs/TOPICS.md), with injectable anomalies and their ground truth. See
 * docs/GENERATOR.md.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Generate synthetic Porto streams (air quality, noise, weather, traffic flow, parking,"
                    + " bike stations, taxi/bus positions) into Kafka, in event-time order,"
                    + " deterministic for a seed.",
            "Bounded by --events and/or --duration (event time); endless without both (stop with"
                    + " Ctrl-C)."
        })
public final class GenerateCommand implements Callable<Integer> {

    @Mixin KafkaMixin kafka;

    @Option(
            names = "--sensors",
            defaultValue = "1000",
            description =
                    "Stationary sensors, 10..100000, split over the types (aq 10%%, noise 15%%,"
                            + " weather 2%%, traffic 35%%, parking 25%%, bikes 13%%; default:"
                            + " ${DEFAULT-VALUE}).")
    int sensors;

    @Option(names = "--vehicles", description = "Taxis and buses (default: --sensors / 10).")
    Integer vehicles;

    @Option(
            names = "--bus-share",
            defaultValue = "0.3",
            description = "Fraction of the vehicles that are buses (default: ${DEFAULT-VALUE}).")
    double busShare;

    @Option(
            names = "--count",
            paramLabel = "TYPE=N",
            description =
                    "Entities of one type, overriding the split, e.g. --count air-quality=50"
                            + " (repeatable).")
    Map<String, Integer> countOverrides = new LinkedHashMap<>();

    @Option(
            names = "--types",
            split = ",",
            paramLabel = "TYPE",
            description =
                    "Only these types, e.g. --types air-quality,noise (others get 0 entities).")
    List<String> types;

    @Option(
            names = "--interval",
            paramLabel = "TYPE=DURATION",
            description =
                    "Reporting interval of a type (ISO-8601), e.g. --interval weather=PT10M."
                        + " Defaults: air-quality, noise, traffic-flow PT1M; weather PT5M; parking,"
                        + " bike-stations PT2M; vehicle-positions PT15S.")
    Map<String, Duration> intervals = new LinkedHashMap<>();

    @Option(
            names = "--start",
            description =
                    "Event time of the first events, ISO-8601 instant (default: now, to the"
                            + " second).")
    Instant start;

    @Option(
            names = "--duration",
            description = "Event-time span to generate, ISO-8601 duration, e.g. PT6H.")
    Duration duration;

    @Option(
            names = "--events",
            description = "Records to write (duplicates and corrupt records included).")
    Long events;

    @Option(
            names = "--rate",
            description =
                    "Records per second, wall clock, smoothly paced (default: as fast as"
                            + " possible).")
    Double rate;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description =
                    "Seed: same arguments and seed = same records (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--anomaly",
            paramLabel = "SPEC",
            description =
                    "Inject an anomaly (repeatable): KIND[:key=value,...], KIND ="
                            + " pollution-episode, congestion, silent, stuck, out-of-order, late,"
                            + " duplicate, corrupt. E.g. corrupt:rate=0.001,"
                            + " congestion:zone=Baixa,at=PT2H,duration=PT30M.")
    List<String> anomalies = new ArrayList<>();

    @Option(
            names = "--anomalies",
            paramLabel = "MIX",
            description =
                    "'default': one of each kind with default parameters (see docs/GENERATOR.md);"
                            + " 'none' (default).")
    String mix;

    @Option(
            names = "--ground-truth",
            paramLabel = "FILE",
            description = "Write the injected anomalies here (JSON Lines).")
    Path groundTruthFile;

    @Option(
            names = "--dry-run",
            description = "Generate and encode everything, write nothing (no Kafka).")
    boolean dryRun;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description =
                    "Write the records to this file instead of Kafka (see FileEventSink for the"
                            + " format).")
    Path output;

    @Option(
            names = "--digest",
            description = "Print a SHA-256 of the (topic, key, value) sequence (to compare runs).")
    boolean digest;

    @Option(
            names = "--progress",
            defaultValue = "PT5S",
            description =
                    "Progress line period on stderr, ISO-8601; PT0S = none (default:"
                            + " ${DEFAULT-VALUE}).")
    Duration progress;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line: invalid values (types, zones, anomaly specs) end with one line and exit 2,
     * delivery failures exit 1.
     */
    static CommandLine commandLine() {
        return new CommandLine(new GenerateCommand())
                .setExecutionExceptionHandler(
                        (e, cmd, parsed) -> {
                            if (e instanceof IllegalArgumentException
                                    || e instanceof DateTimeParseException) {
                                cmd.getErr().println("generate: " + e.getMessage());
                                return 2;
                            }
                            if (e instanceof RecordSender.DeliveryException) {
                                cmd.getErr()
                                        .println(
                                                "generate: "
                                                        + e.getMessage()
                                                        + " (is the broker up and are the topics"
                                                        + " created? scripts/topics create)");
                                return 1;
                            }
                            throw e;
                        });
    }

    /** Builds the configuration from the options (public for tests through the package). */
    GeneratorConfig config() {
        if (sensors < 10 || sensors > 100_000) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--sensors must be in 10..100000");
        }
        GeneratorConfig c =
                new GeneratorConfig()
                        .split(sensors, vehicles != null ? vehicles : Math.max(1, sensors / 10));
        countOverrides.forEach((type, n) -> c.counts.put(EventType.parse(type), n));
        if (types != null && !types.isEmpty()) {
            List<EventType> keep = types.stream().map(EventType::parse).toList();
            for (EventType t : EventType.ALL) {
                if (!keep.contains(t)) {
                    c.counts.put(t, 0);
                }
            }
        }
        intervals.forEach((type, d) -> c.intervalsMs.put(EventType.parse(type), d.toMillis()));
        c.seed = seed;
        c.startMs =
                (start != null ? start : Instant.now().truncatedTo(ChronoUnit.SECONDS))
                        .toEpochMilli();
        c.durationMs = duration != null ? duration.toMillis() : GeneratorConfig.UNBOUNDED;
        c.maxEvents = events != null ? events : GeneratorConfig.UNBOUNDED;
        c.rate = rate != null ? rate : 0;
        c.busShare = busShare;
        if ("default".equals(mix)) {
            c.anomalies.addAll(AnomalyPlan.DEFAULT_MIX);
        } else if (mix != null && !"none".equals(mix)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--anomalies must be 'default' or 'none'");
        }
        c.anomalies.addAll(anomalies);
        c.anomalies.forEach(
                AnomalyPlan::parse); // fail on a bad kind or syntax before connecting to Kafka
        return c;
    }

    @Override
    public Integer call() throws Exception {
        GeneratorConfig config = config();
        EventSink base =
                dryRun
                        ? new EventSink.Discard()
                        : output != null
                                ? new FileEventSink(output)
                                : EventSink.kafka(kafka.sender("invicta-generate"));
        DigestingSink digester = digest ? new DigestingSink(base) : null;
        EventSink sink = digester != null ? digester : base;
        Writer gtWriter =
                groundTruthFile != null
                        ? Files.newBufferedWriter(groundTruthFile, StandardCharsets.UTF_8)
                        : null;
        CountDownLatch finished = new CountDownLatch(1);
        try (GroundTruth groundTruth = new GroundTruth(gtWriter);
                sink) {
            StreamGenerator generator = new StreamGenerator(config, sink, groundTruth);
            System.err.printf(
                    "[generate] %s: %s, seed %d, from %s%s%s%n",
                    target(),
                    counts(config),
                    config.seed,
                    Instant.ofEpochMilli(config.startMs),
                    duration != null ? " for " + duration : "",
                    events != null ? ", up to " + events + " records" : "");
            Thread hook =
                    new Thread(
                            () -> {
                                generator.requestStop();
                                try {
                                    // Let the run flush Kafka and the ground truth.
                                    finished.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "generate-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            Summary summary;
            try (ProgressLine line = new ProgressLine(generator, progress)) {
                summary = generator.run();
            }
            System.out.print(summary.render());
            if (digester != null) {
                System.out.println("  sha256 " + digester.hex());
            }
            if (groundTruthFile != null) {
                System.out.println("  ground truth: " + groundTruthFile);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of a signal; the hook waits for the latch below
            }
        } finally {
            finished.countDown();
        }
        return 0;
    }

    private String target() {
        return dryRun
                ? "dry run"
                : output != null ? "file " + output : "Kafka " + kafka.bootstrapServers;
    }

    private static String counts(GeneratorConfig c) {
        StringBuilder b = new StringBuilder();
        c.counts.forEach(
                (t, n) -> {
                    if (n > 0) {
                        b.append(b.isEmpty() ? "" : ", ").append(t.topic()).append('=').append(n);
                    }
                });
        return b.toString();
    }
}
