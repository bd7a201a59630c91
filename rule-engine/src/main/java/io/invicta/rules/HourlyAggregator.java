package io.invicta.rules;

import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link HourlyForm hourly forms} a set of modules reads, built in memory from the observations
 * as they come, for the rule tests and raw-Esper comparisons (the rules job does the same in
 * Flink's keyed state). Observations must come in event-time order; an hour is due once the clock
 * reaches its release time.
 */
public final class HourlyAggregator {

    /** An hourly event: the form's name, the record and the time it reaches the rules. */
    public record Hourly(String type, String sensor, SpecificRecord record, long time) {
        /** The end of its hour: when the hour is complete. */
        public long end() {
            return time + 1;
        }
    }

    private final List<HourlyForm> forms;

    private record Key(long time, int form, String sensor) {}

    private static final Comparator<Key> ORDER =
            Comparator.comparingLong(Key::time)
                    .thenComparingInt(Key::form)
                    .thenComparing(Key::sensor);

    /** (release time, form, sensor) → the hour's accumulator: due hours come out in that order. */
    private final TreeMap<Key, HourlyForm.HourAccumulator> open = new TreeMap<>(ORDER);

    /** Builds the forms among {@code types} (event type names a rule set reads). */
    public HourlyAggregator(Set<String> types) {
        forms = HourlyForm.all().stream().filter(f -> types.contains(f.name())).toList();
    }

    /** Whether any form is built at all. */
    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** Adds an observation to the hour of each form of its type. */
    public void add(SpecificRecord observation) {
        for (int f = 0; f < forms.size(); f++) {
            HourlyForm form = forms.get(f);
            if (form.rawType() == observation.getClass()) {
                long hour = HourlyForm.hourOf(EventTypes.eventTimeOf(observation));
                String sensor = EventTypes.idOf(observation);
                HourlyForm.HourAccumulator acc =
                        open.computeIfAbsent(
                                new Key(HourlyForm.releaseTime(hour), f, sensor),
                                k -> form.start(hour));
                form.add(observation, EventTypes.zoneOf(observation), acc);
            }
        }
    }

    /** Removes and returns, in release order, the hours due at or before {@code time}. */
    public List<Hourly> due(long time) {
        List<Hourly> due = new ArrayList<>();
        while (!open.isEmpty() && open.firstKey().time() <= time) {
            Map.Entry<Key, HourlyForm.HourAccumulator> e = open.pollFirstEntry();
            HourlyForm form = forms.get(e.getKey().form());
            due.add(
                    new Hourly(
                            form.name(),
                            e.getKey().sensor(),
                            form.record(e.getKey().sensor(), e.getValue()),
                            e.getKey().time()));
        }
        return due;
    }

    /** Every hour still open (the end of the input completes them all). */
    public List<Hourly> all() {
        return due(Long.MAX_VALUE);
    }

    /**
     * Sends an observation to {@code runtime} in the rules job's order: first the hourly forms due
     * before it (at equal times observations come first), then the observation, which joins its
     * hour.
     */
    public void send(RuleRuntime runtime, SpecificRecord observation) {
        long time = EventTypes.eventTimeOf(observation);
        send(runtime, due(time - 1));
        add(observation);
        runtime.send(observation);
    }

    /** Sends the hourly forms due at or before {@code time}, then moves the clock there. */
    public void advance(RuleRuntime runtime, long time) {
        send(runtime, due(time));
        runtime.advanceTo(time);
    }

    /**
     * The end of the input completes every hour, as at the end of a bounded job: sends them all and
     * moves the clock to the end of the last.
     */
    public void finish(RuleRuntime runtime) {
        List<Hourly> rest = all();
        send(runtime, rest);
        if (!rest.isEmpty()) {
            runtime.advanceTo(rest.get(rest.size() - 1).end());
        }
    }

    private static void send(RuleRuntime runtime, List<Hourly> hours) {
        for (Hourly h : hours) {
            runtime.send(h.type(), h.record(), h.time());
        }
    }
}
