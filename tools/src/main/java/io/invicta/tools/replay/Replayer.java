package io.invicta.tools.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a mapping over input files and sends the events: rows are mapped all or nothing (a rejected
 * row sends nothing, so no row is ever half-produced or produced twice), events are sorted by event
 * time (stable, so the file's order breaks ties) unless file order is asked for, optionally shifted
 * so the last one is now, paced, and sent.
 */
final class Replayer {

    /** Stop at the first rejected row. */
    static final class StrictModeException extends RuntimeException {
        StrictModeException(ReplayStats.Reject reject) {
            super("--strict: rejected row " + reject);
        }
    }

    private final CompiledMapping mapping;
    private final String topic;
    private final boolean timeOrder;
    private final Long endAt;
    private final long from;
    private final long until;
    private final boolean strict;
    private final long rowLimit;
    private final Pacer pacer;
    private final ReplayStats stats;

    /**
     * @param endAt when not null, event times are shifted so the last event is at this epoch
     *     millisecond
     * @param from events before this epoch millisecond (source time) are left out
     * @param until events at or after this epoch millisecond (source time) are left out
     */
    Replayer(
            CompiledMapping mapping,
            String topic,
            boolean timeOrder,
            Long endAt,
            long from,
            long until,
            boolean strict,
            long rowLimit,
            double speed,
            int keepRejects) {
        this.mapping = mapping;
        this.topic = topic == null ? mapping.topic : topic;
        this.timeOrder = timeOrder || endAt != null || speed > 0;
        this.endAt = endAt;
        this.from = from;
        this.until = until;
        this.strict = strict;
        this.rowLimit = rowLimit;
        this.pacer = new Pacer(speed);
        this.stats = new ReplayStats(strict ? 1 : keepRejects);
    }

    ReplayStats stats() {
        return stats;
    }

    String topic() {
        return topic;
    }

    /**
     * Maps every file; returns the events (file order) when they are to be sorted, else sends them
     * at once.
     */
    void run(List<Path> files, EventSink sink, PrintStream progressOut, boolean progressBar)
            throws IOException {
        List<ReplayEvent> buffered = new ArrayList<>();
        Progress streaming = timeOrder ? null : new Progress(progressOut, false, 0);
        for (Path file : files) {
            try (RowSource rows = mapping.open(file)) {
                for (Row row : rows) {
                    if (rowLimit > 0 && stats.rowsRead >= rowLimit) {
                        break;
                    }
                    stats.rowsRead++;
                    CompiledMapping.Result result;
                    try {
                        result = mapping.map(row);
                    } catch (RowRejectedException e) {
                        stats.rejected(file.getFileName().toString(), row, e);
                        if (strict) {
                            throw new StrictModeException(stats.firstRejects.get(0));
                        }
                        continue;
                    }
                    if (result.filtered() != null) {
                        stats.filtered(result.filtered());
                        continue;
                    }
                    stats.rowsMapped++;
                    stats.invalidValuesSkipped += result.invalid();
                    stats.emptyMeasurementsSkipped += result.empty();
                    stats.eventsMapped += result.events().size();
                    if (result.events().isEmpty()) {
                        stats.rowsWithoutEvents++;
                    }
                    for (ReplayEvent event : result.events()) {
                        if (event.eventTime() < from || event.eventTime() >= until) {
                            stats.eventsOutsideTimeRange++;
                        } else if (timeOrder) {
                            buffered.add(event);
                        } else {
                            sink.send(topic, event);
                            streaming.update(++stats.eventsProduced);
                        }
                    }
                }
            }
        }
        if (timeOrder) {
            buffered.sort(Comparator.comparingLong(ReplayEvent::eventTime));
            long shift =
                    endAt != null && !buffered.isEmpty()
                            ? endAt - buffered.get(buffered.size() - 1).eventTime()
                            : 0;
            Progress progress = new Progress(progressOut, progressBar, buffered.size());
            for (ReplayEvent event : buffered) {
                ReplayEvent out =
                        shift == 0
                                ? event
                                : new ReplayEvent(
                                        event.eventTime() + shift,
                                        event.key(),
                                        shifted(event, shift));
                pacer.await(out.eventTime());
                sink.send(topic, out);
                progress.update(++stats.eventsProduced);
            }
            stats.sendErrors = sink.flush();
            progress.finish(stats.eventsProduced);
        } else {
            stats.sendErrors = sink.flush();
            streaming.finish(stats.eventsProduced);
        }
    }

    private byte[] shifted(ReplayEvent event, long shift) {
        return mapping.shiftEventTime(event.value(), shift);
    }
}
