package io.invicta.jobs.cep;

import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The events of a rule operator that wait for the watermark, in operator memory (they are also in
 * the recovery history, which restores them). Kept in arrival order and sorted only when a
 * watermark releases some: the input is nearly sorted, so the sort is cheap, and there is no
 * per-event timer or state access.
 */
final class PendingEvents {

    private final ArrayList<CepEvent> pending = new ArrayList<>();

    void add(CepEvent event) {
        pending.add(event);
    }

    int size() {
        return pending.size();
    }

    /**
     * Hands the events at or before {@code to} to {@code rules}, in {@link CepEvent#compareTo}
     * order, and forgets them.
     */
    void release(long to, Consumer<CepEvent> rules) {
        if (pending.isEmpty()) {
            return;
        }
        pending.sort(null);
        int n = 0;
        while (n < pending.size() && pending.get(n).time <= to) {
            rules.accept(pending.get(n));
            n++;
        }
        pending.subList(0, n).clear();
    }
}
