package io.invicta.tools.replay;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a replay did, row by row, for the final summary (and for tests). */
final class ReplayStats {

    /** A rejected row as reported: where, why, and the row's text. */
    record Reject(String file, long line, String reason, String detail, String text) {
        @Override
        public String toString() {
            return file
                    + ":"
                    + line
                    + " ["
                    + reason
                    + "] "
                    + detail
                    + "\n      "
                    + abbreviate(text);
        }
    }

    private final int keepRejects;
    long rowsRead;
    long rowsMapped;
    long rowsWithoutEvents;
    long invalidValuesSkipped;
    long emptyMeasurementsSkipped;
    long eventsMapped;
    long eventsOutsideTimeRange;
    long eventsProduced;
    long sendErrors;
    final Map<String, Long> rejectedByReason = new TreeMap<>();
    final Map<String, Long> filteredByReason = new TreeMap<>();
    final List<Reject> firstRejects = new ArrayList<>();

    ReplayStats(int keepRejects) {
        this.keepRejects = keepRejects;
    }

    void rejected(String file, Row row, RowRejectedException e) {
        rejectedByReason.merge(e.reason(), 1L, Long::sum);
        if (firstRejects.size() < keepRejects) {
            String text;
            try {
                text = row.text();
            } catch (RuntimeException unreadable) {
                text = "<unreadable>";
            }
            firstRejects.add(new Reject(file, row.line(), e.reason(), e.getMessage(), text));
        }
    }

    void filtered(String reason) {
        filteredByReason.merge(reason, 1L, Long::sum);
    }

    long rowsRejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    long rowsFiltered() {
        return filteredByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    void print(PrintStream out, double seconds) {
        out.printf("Replay summary%n");
        out.printf("  rows read              %,d%n", rowsRead);
        out.printf(
                "  rows mapped            %,d (%,d of them produced no event)%n",
                rowsMapped, rowsWithoutEvents);
        out.printf(
                "  rows filtered          %,d%s%n",
                rowsFiltered(), filteredByReason.isEmpty() ? "" : " " + filteredByReason);
        out.printf(
                "  rows rejected          %,d%s%n",
                rowsRejected(), rejectedByReason.isEmpty() ? "" : " " + rejectedByReason);
        out.printf("  values flagged invalid %,d (skipped)%n", invalidValuesSkipped);
        out.printf("  empty measurements     %,d (skipped: no event)%n", emptyMeasurementsSkipped);
        out.printf(
                "  events mapped          %,d%s%n",
                eventsMapped,
                eventsOutsideTimeRange > 0
                        ? " (" + eventsOutsideTimeRange + " outside --from/--until, not sent)"
                        : "");
        out.printf(
                "  events produced        %,d in %.1f s (%,.0f events/s)%s%n",
                eventsProduced,
                seconds,
                seconds > 0 ? eventsProduced / seconds : 0.0,
                sendErrors > 0 ? ", " + sendErrors + " FAILED to send" : "");
        if (!firstRejects.isEmpty()) {
            out.printf("  first rejected rows:%n");
            firstRejects.forEach(r -> out.println("    " + r));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
