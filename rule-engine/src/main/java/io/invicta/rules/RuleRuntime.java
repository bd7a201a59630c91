package io.invicta.rules;

import io.invicta.schemas.Alert;

import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.EventSender;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.runtime.client.DeploymentOptions;
import com.espertech.esper.runtime.client.EPDeployException;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
import org.apache.avro.specific.SpecificRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs (some of) a {@link RuleSet}'s modules on Esper, on event time: the caller sends events in
 * timestamp order and advances the clock; Esper's internal timer is off, and {@link #advanceTo}
 * steps the clock through every scheduled callback on the way, so windows, {@code timer:within} and
 * silence rules fire at their own event times. The same events in the same order give the same
 * alerts, always.
 *
 * <p>Each module runs in its own Esper runtime: an event is only evaluated by modules that read its
 * type, and each module's evaluation time can be measured. Not thread-safe: one caller, like a
 * Flink operator instance.
 */
public final class RuleRuntime implements AutoCloseable {

    private final RuleSet ruleSet;
    private final List<ModuleRun> modules = new ArrayList<>();
    private final Map<String, RuleCounters> counters = new LinkedHashMap<>();
    private final Map<String, Reader[]> readers = new HashMap<>();
    private final AlertListener listener;
    private final List<RuleSet.CompiledModule> selected;
    private long now;
    private boolean started;
    private long suppressThrough = Long.MIN_VALUE;

    /** A start time meaning "when the first event or clock advance arrives". */
    public static final long AT_FIRST_EVENT = Long.MIN_VALUE;

    private RuleRuntime(
            RuleSet ruleSet, List<RuleSet.CompiledModule> selected, AlertListener listener) {
        this.ruleSet = ruleSet;
        this.selected = selected;
        this.listener = listener;
        for (RuleSet.CompiledModule module : selected) {
            module.rules().forEach(rule -> counters.put(rule.name(), new RuleCounters()));
        }
    }

    /**
     * A runtime for the modules of one partitioning (all modules when {@code partitioning} is
     * null), its clock at {@code startTime}, or, with {@link #AT_FIRST_EVENT}, deployed when the
     * first event or advance comes (a clock started at 0 would have to step through every scheduled
     * callback since 1970 to reach today).
     */
    public static RuleRuntime start(
            RuleSet ruleSet, Partitioning partitioning, long startTime, AlertListener listener) {
        RuleRuntime runtime =
                new RuleRuntime(
                        ruleSet,
                        partitioning == null ? ruleSet.modules() : ruleSet.modules(partitioning),
                        listener);
        if (startTime != AT_FIRST_EVENT) {
            runtime.startAt(startTime);
        }
        return runtime;
    }

    private void startAt(long time) {
        // Esper's timer:at keeps the milliseconds of the time its schedule was computed from: a
        // runtime started at a watermark (…​.999) would check "every whole minute" at :00.999.
        // Started
        // at a whole second, every runtime (any parallelism, any restore) fires at the same
        // instants.
        now = Math.floorDiv(time, 1000L) * 1000L;
        started = true;
        Configuration configuration = EsperConfiguration.create();
        for (RuleSet.CompiledModule module : selected) {
            modules.add(deploy(module, configuration));
        }
    }

    private ModuleRun deploy(RuleSet.CompiledModule module, Configuration configuration) {
        EPRuntime esper =
                EPRuntimeProvider.getRuntime(
                        "invicta-" + module.name() + "-" + UUID.randomUUID(), configuration);
        esper.getEventService().advanceTime(now);
        EPStatement[] statements;
        try {
            statements =
                    esper.getDeploymentService()
                            .deploy(
                                    module.compiled(),
                                    new DeploymentOptions().setDeploymentId(module.name()))
                            .getStatements();
            for (EPStatement statement : statements) {
                RuleInfo rule =
                        module.rules().stream()
                                .filter(r -> r.name().equals(statement.getName()))
                                .findFirst()
                                .orElse(null);
                if (rule != null) {
                    RuleCounters ruleCounters = counters.get(rule.name());
                    statement.addListener(
                            (newEvents, oldEvents, s, r) ->
                                    emit(
                                            rule,
                                            ruleCounters,
                                            newEvents,
                                            r.getEventService().getCurrentTime()));
                }
            }
        } catch (EPDeployException e) {
            esper.destroy();
            throw new IllegalStateException(
                    "cannot deploy rule module " + module.name() + ": " + e.getMessage(), e);
        }
        ModuleRun run = new ModuleRun(module, esper, now);
        if (module.recovery() == Recovery.WINDOWS) {
            run.windows =
                    new ModuleWindows(module.name(), module.partitioning(), esper, statements);
        }
        return run;
    }

    /**
     * {@code time} is the Esper clock: a timer callback fired on the way to a later time has its
     * own time.
     */
    private void emit(RuleInfo rule, RuleCounters ruleCounters, EventBean[] rows, long time) {
        if (rows == null) {
            return;
        }
        for (EventBean row : rows) {
            ruleCounters.matches++;
            if (time <= suppressThrough) {
                ruleCounters.suppressed++;
                continue;
            }
            ruleCounters.alerts++;
            Alert alert = AlertFactory.create(rule, ruleSet.version(), row, time);
            listener.onAlert(alert);
        }
    }

    /**
     * Moves the clock to {@code time}, firing every scheduled callback (window expiry, pattern
     * timers) at its own time on the way, in every module. Never moves backwards.
     */
    public void advanceTo(long time) {
        if (!started) {
            startAt(time);
        }
        for (ModuleRun module : modules) {
            module.advance(time);
        }
        now = Math.max(now, time);
    }

    /**
     * Evaluates one observation at its event time ({@code dateObserved}), after moving the clock
     * there.
     */
    public void send(SpecificRecord event) {
        send(event.getSchema().getName(), event, EventTypes.eventTimeOf(event));
    }

    /**
     * Evaluates one event as the type named {@code type} (an observation type or an {@link
     * HourlyForm hourly form}) at {@code time}, after moving the clock there.
     */
    public void send(String type, SpecificRecord event, long time) {
        send(type, event, time, true);
    }

    /**
     * As {@link #send(String, SpecificRecord, long)}, but the modules {@link Recovery#WINDOWS
     * recovered from their windows} get the event only if {@code windowRecovered} (false: their
     * restored rows already hold it, as after a rescale for a key another instance had released
     * further) and if it is after the time their rows were restored at.
     */
    public void send(String type, SpecificRecord event, long time, boolean windowRecovered) {
        if (!started) {
            startAt(time);
        }
        now = Math.max(now, time);
        // Only the modules that read the event move their clock now; the others catch up (every
        // callback at its own time) at their next event or at the next advanceTo.
        for (Reader reader : readers.computeIfAbsent(type, this::readersOf)) {
            ModuleRun module = reader.module;
            if (module.windows != null && (!windowRecovered || time <= module.restoredThrough)) {
                continue;
            }
            module.advance(time);
            module.eventsIn++;
            long start = System.nanoTime();
            reader.sender.sendEvent(event);
            module.evaluationNanos += System.nanoTime() - start;
        }
    }

    /**
     * The modules whose text names the event type, each with its sender for the type: worked out
     * once per type, not per event (a send by type name looks the type up by name every time).
     */
    private Reader[] readersOf(String type) {
        return modules.stream()
                .filter(m -> m.module.eventTypes().contains(type))
                .map(m -> new Reader(m, m.esper.getEventService().getEventSender(type)))
                .toArray(Reader[]::new);
    }

    private record Reader(ModuleRun module, EventSender sender) {}

    /** The rows of every named window of the modules recovered from their windows. */
    public List<WindowRow> windowRows() {
        List<WindowRow> rows = new ArrayList<>();
        for (ModuleRun module : modules) {
            if (module.windows != null) {
                module.windows.rows(rows);
            }
        }
        return rows;
    }

    /**
     * Moves the modules recovered from their windows that are named in {@code from} (those the rows
     * were taken from: a module that was recovered from history before a reload is warmed from the
     * history instead) to {@code time} and puts {@code rows} (taken at that time) back into their
     * windows; from then on those modules take only events after {@code time}. Returns the rows
     * that could not be put back: their module or window is gone or its columns changed (a reload).
     */
    public List<WindowRow> restoreWindows(long time, Iterable<WindowRow> rows, Set<String> from) {
        if (!started) {
            startAt(time);
        }
        Map<String, ModuleRun> byName = new HashMap<>();
        for (ModuleRun module : modules) {
            if (module.windows != null && from.contains(module.module.name())) {
                module.advance(time);
                module.restoredThrough = time;
                byName.put(module.module.name(), module);
            }
        }
        List<WindowRow> dropped = new ArrayList<>();
        for (WindowRow row : rows) {
            ModuleRun module = byName.get(row.module());
            if (module == null || !module.windows.restore(row)) {
                dropped.add(row);
            }
        }
        return dropped;
    }

    /**
     * Alerts raised at event times up to and including {@code time} are counted, not emitted
     * (replay after restore).
     */
    public void suppressThrough(long time) {
        suppressThrough = time;
    }

    public long currentTime() {
        return now;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Per rule: matches, alerts, suppressed. */
    public Map<String, RuleCounters> ruleCounters() {
        return Collections.unmodifiableMap(counters);
    }

    /**
     * Per module: events evaluated and the time spent evaluating them and the clock's callbacks.
     */
    public List<ModuleStats> moduleStats() {
        if (!started) {
            return selected.stream().map(m -> new ModuleStats(m.name(), 0, 0)).toList();
        }
        return modules.stream()
                .map(m -> new ModuleStats(m.module.name(), m.eventsIn, m.evaluationNanos))
                .toList();
    }

    public record ModuleStats(String module, long eventsIn, long evaluationNanos) {}

    @Override
    public void close() {
        for (ModuleRun module : modules) {
            module.esper.destroy();
        }
        modules.clear();
        readers.clear();
    }

    private static final class ModuleRun {
        final RuleSet.CompiledModule module;
        final EPRuntime esper;
        long clock;
        long eventsIn;
        long evaluationNanos;

        /** The module's windows, when it is recovered from them; null otherwise. */
        ModuleWindows windows;

        /** The time its windows' rows were restored at: events up to it are already in them. */
        long restoredThrough = Long.MIN_VALUE;

        ModuleRun(RuleSet.CompiledModule module, EPRuntime esper, long clock) {
            this.module = module;
            this.esper = esper;
            this.clock = clock;
        }

        /**
         * Steps the clock to each scheduled callback due up to {@code time}, then to {@code time}:
         * every callback fires at its own time (as advanceTimeSpan does), but a step costs nothing
         * when nothing is due, whereas advanceTimeSpan's cost grows with the number of pending
         * schedules (one per live pattern timer).
         */
        void advance(long time) {
            if (time > clock) {
                long start = System.nanoTime();
                EPEventService events = esper.getEventService();
                Long next = events.getNextScheduledTime();
                while (next != null && next <= time) {
                    events.advanceTime(next);
                    next = events.getNextScheduledTime();
                }
                events.advanceTime(time);
                evaluationNanos += System.nanoTime() - start;
                clock = time;
            }
        }
    }
}
