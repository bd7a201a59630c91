package io.invicta.jobs.cep;

import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The events of a rule operator that wait for the watermark, in operator memory (they are also in
 * the recovery history, which restores them). Kept in arrival order; a watermark takes out the
 * events at or before it (one pass comparing times only) and sorts just those. A watermark before
 * the earliest pending event costs nothing. (Sorting everything pending at every watermark took a
 * fifth of the rules job's CPU samples in a profile: the out-of-orderness bound holds thousands of
 * events, and watermarks come many times a second.)
 */
final class PendingEvents {

    private final ArrayList<CepEvent> pending = new ArrayList<>();
    private final ArrayList<CepEvent> ready = new ArrayList<>();
    private long earliest = Long.MAX_VALUE;

    void add(CepEvent event) {
        pending.add(event);
        earliest = Math.min(earliest, event.time);
    }

    int size() {
        return pending.size();
    }

    /**
     * Hands the events at or before {@code to} to {@code rules}, in {@link CepEvent#compareTo}
     * order, and forgets them.
     */
    void release(long to, Consumer<CepEvent> rules) {
        if (to < earliest) {
            return;
        }
        int kept = 0;
        long next = Long.MAX_VALUE;
        for (int i = 0; i < pending.size(); i++) {
            CepEvent e = pending.get(i);
            if (e.time <= to) {
                ready.add(e);
            } else {
                pending.set(kept++, e);
                next = Math.min(next, e.time);
            }
        }
        pending.subList(kept, pending.size()).clear();
        earliest = next;
        ready.sort(null);
        try {
            for (CepEvent e : ready) {
                rules.accept(e);
            }
        } finally {
            ready.clear();
        }
    }
}
