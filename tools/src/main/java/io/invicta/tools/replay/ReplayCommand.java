package io.invicta.tools.replay;

import io.invicta.tools.kafka.KafkaMixin;
import io.invicta.tools.kafka.RecordSender;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scripts/replay}: data files → declarative mapping → Avro events → Kafka. See
 * docs/REPLAY.md.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Replay data files into Kafka through a declarative mapping (YAML).",
            "Example: replay data/mappings/madrid-air-quality.yaml"
                    + " data/madrid-air-quality-2023/hourly/ene_mo23.csv"
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:all rows mapped or reported, all events acknowledged",
            "1:events failed to send",
            "2:--strict and a row was rejected",
            "3:bad mapping or arguments",
            "4:more rows rejected than --max-rejected allows (a mapping that does not fit the file)"
        })
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MAPPING", description = "Mapping file (YAML).")
    Path mappingFile;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Data files, replayed in this order.")
    List<Path> files;

    @Mixin KafkaMixin kafka;

    @Option(names = "--topic", description = "Topic (default: the mapping's target.topic).")
    String topic;

    @Option(
            names = "--speed",
            defaultValue = "max",
            description = "'max' (default), or a factor of real time: 60 replays an hour a minute.")
    String speed;

    @Option(names = "--shift-to-now", description = "Shift event times so the last event is now.")
    boolean shiftToNow;

    @Option(
            names = "--end-at",
            description = "Shift event times so the last event is at this ISO-8601 instant.")
    Instant endAt;

    @Option(
            names = "--from",
            description =
                    "Only events at or after this ISO-8601 instant (source time, before any"
                            + " shift).")
    Instant from;

    @Option(
            names = "--until",
            description =
                    "Only events before this ISO-8601 instant (source time, before any shift).")
    Instant until;

    @Option(
            names = "--order",
            defaultValue = "time",
            description =
                    "time (default: sorted by event time, held in memory) or file (streamed in file"
                            + " order).")
    String order;

    @Option(names = "--strict", description = "Stop at the first rejected row (exit code 2).")
    boolean strict;

    @Option(
            names = "--max-rejected",
            defaultValue = "0.5",
            paramLabel = "SHARE",
            description =
                    "Exit with code 4 when more than this share (0..1) of the rows read is"
                        + " rejected: a mapping that does not fit the file rejects nearly every row"
                        + " (default: ${DEFAULT-VALUE}). The accepted rows are sent either way.")
    double maxRejected;

    @Option(
            names = "--limit",
            defaultValue = "0",
            description = "Read at most this many rows (0 = all).")
    long limit;

    @Option(names = "--dry-run", description = "Map and count, but send nothing.")
    boolean dryRun;

    @Option(
            names = "--show-rejects",
            defaultValue = "5",
            description = "Rejected rows to show in the summary (default: ${DEFAULT-VALUE}).")
    int showRejects;

    @Option(
            names = "--progress",
            defaultValue = "auto",
            description = "auto (a bar on a terminal, lines otherwise), bar, lines.")
    String progress;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!(maxRejected >= 0 && maxRejected <= 1)) {
            return usage("--max-rejected must be a share between 0 and 1, got " + maxRejected);
        }
        double factor;
        try {
            factor = speed.equals("max") ? 0 : Double.parseDouble(speed);
        } catch (NumberFormatException e) {
            return usage("--speed must be 'max' or a positive number, got " + speed);
        }
        if (factor < 0 || !order.equals("time") && !order.equals("file")) {
            return usage("--speed must be positive and --order time or file");
        }
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                return usage("cannot read " + f);
            }
        }
        CompiledMapping mapping;
        try {
            mapping = CompiledMapping.load(mappingFile);
        } catch (IllegalArgumentException e) {
            return usage("bad mapping: " + e.getMessage());
        }
        if (shiftToNow && endAt != null) {
            return usage("give --shift-to-now or --end-at, not both");
        }
        Long end =
                shiftToNow
                        ? Long.valueOf(System.currentTimeMillis())
                        : endAt == null ? null : endAt.toEpochMilli();
        Replayer replayer =
                new Replayer(
                        mapping,
                        topic,
                        order.equals("time"),
                        end,
                        from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                        until == null ? Long.MAX_VALUE : until.toEpochMilli(),
                        strict,
                        limit,
                        factor,
                        showRejects);
        boolean bar = progress.equals("bar") || progress.equals("auto") && System.console() != null;
        System.err.printf(
                "replay: %s → %s%s (%s)%n",
                files,
                dryRun
                        ? "nowhere (dry run), topic "
                        : "Kafka " + kafka.bootstrapServers + ", topic ",
                replayer.topic(),
                mapping.description == null ? mappingFile : mapping.description);
        long start = System.nanoTime();
        int exit = 0;
        RecordSender sender = dryRun ? null : kafka.sender("invicta-replay");
        try (EventSink sink = dryRun ? new DryRunSink() : EventSink.kafka(sender)) {
            replayer.run(files, sink, System.err, bar);
            if (replayer.stats().sendErrors > 0) {
                System.err.println(
                        "replay: "
                                + replayer.stats().sendErrors
                                + " events failed to send"
                                + (sender != null && sender.firstFailure() != null
                                        ? ": " + sender.firstFailure()
                                        : ""));
                exit = 1;
            }
        } catch (Replayer.StrictModeException e) {
            System.err.println("replay: " + e.getMessage());
            exit = 2;
        } catch (IllegalArgumentException e) {
            // A data file the mapping does not fit (its header lacks a column the mapping reads).
            return usage(e.getMessage());
        }
        replayer.stats().print(System.out, (System.nanoTime() - start) / 1e9);
        ReplayStats stats = replayer.stats();
        if (exit == 0
                && stats.rowsRead > 0
                && stats.rowsRejected() > maxRejected * stats.rowsRead) {
            System.err.printf(
                    "replay: %,d of %,d rows rejected (%.1f %%), more than --max-rejected %s"
                            + " allows: the mapping does not fit the file (the first rejects are"
                            + " above)%n",
                    stats.rowsRejected(),
                    stats.rowsRead,
                    100.0 * stats.rowsRejected() / stats.rowsRead,
                    maxRejected);
            exit = 4;
        }
        return exit;
    }

    private static int usage(String message) {
        System.err.println("replay: " + message);
        return 3;
    }

    /** Counts, sends nothing. */
    private static final class DryRunSink implements EventSink {
        @Override
        public void send(String topic, ReplayEvent event) {}

        @Override
        public long flush() {
            return 0;
        }

        @Override
        public void close() {}
    }
}
