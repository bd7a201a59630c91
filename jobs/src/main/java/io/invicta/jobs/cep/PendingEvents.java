package io.invicta.jobs.cep;

import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The events of a rule operator that wait for the watermark, in operator memory (they are also in
 * the recovery history, which restores them), in a heap ordered by {@link CepEvent#compareTo}: a
 * watermark takes out the events at or before it from the top, already in release order, and costs
 * nothing when it is before the earliest. (Sorting everything pending at every watermark took a
 * fifth of the rules job's CPU samples in a profile, and a pass over everything pending a tenth:
 * the out-of-orderness bound holds thousands of events, and watermarks come many times a second.)
 */
final class PendingEvents {

    private final PriorityQueue<CepEvent> pending = new PriorityQueue<>();

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
        CepEvent next;
        while ((next = pending.peek()) != null && next.time <= to) {
            rules.accept(pending.poll());
        }
    }
}
