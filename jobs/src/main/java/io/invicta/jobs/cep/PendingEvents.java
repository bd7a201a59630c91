package io.invicta.jobs.cep;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The events of a rule operator that wait for the watermark, in operator memory (they are also in
 * the recovery history, which restores them), in buckets by event time: a watermark takes out the
 * buckets at or before it, each sorted into {@link CepEvent#compareTo} order as it goes, and costs
 * nothing when it is before the earliest. Events are compared in full only with those of the same
 * instant. (Sorting everything pending at every watermark took a fifth of the rules job's CPU
 * samples in a profile, a pass over everything pending a tenth, and a heap of every pending event
 * an eighth in the comparisons of its sift-downs: the out-of-orderness bound holds thousands of
 * events, and watermarks come many times a second.)
 */
final class PendingEvents {

    private final TreeMap<Long, ArrayList<CepEvent>> byTime = new TreeMap<>();
    private int size;

    void add(CepEvent event) {
        byTime.computeIfAbsent(event.time, t -> new ArrayList<>(4)).add(event);
        size++;
    }

    int size() {
        return size;
    }

    /**
     * Hands the events at or before {@code to} to {@code rules}, in {@link CepEvent#compareTo}
     * order, and forgets them; returns how many.
     */
    int release(long to, Consumer<CepEvent> rules) {
        int released = 0;
        Map.Entry<Long, ArrayList<CepEvent>> first;
        while ((first = byTime.firstEntry()) != null && first.getKey() <= to) {
            byTime.pollFirstEntry();
            ArrayList<CepEvent> events = first.getValue();
            size -= events.size();
            released += events.size();
            events.sort(null);
            for (CepEvent e : events) {
                rules.accept(e);
            }
        }
        return released;
    }
}
