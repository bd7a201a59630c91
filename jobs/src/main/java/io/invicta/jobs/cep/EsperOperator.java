package io.invicta.jobs.cep;

import io.invicta.jobs.io.LateEvent;
import io.invicta.rules.EventTypes;
import io.invicta.rules.Partitioning;
import io.invicta.rules.RuleRuntime;
import io.invicta.rules.RuleSet;
import io.invicta.rules.WindowRow;
import io.invicta.schemas.Alert;

import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the rule modules of one {@link Partitioning} on Esper, in event time, recoverably.
 *
 * <p><b>Event time.</b> Events wait in an in-memory queue until the watermark passes them, then
 * reach Esper in {@link CepEvent#compareTo deterministic order}, the Esper clock advanced with
 * them; after each watermark the clock moves to it, so windows and {@code timer:} rules fire at
 * their own event times. Events at or behind the released watermark are late: counted and sent to
 * {@link #LATE}, never evaluated out of order.
 *
 * <p><b>Recovery.</b> Esper's state cannot be checkpointed: every accepted event goes to the {@link
 * RecoveryHistory}. On restore, and when a new rule-set version arrives, a fresh runtime is warmed
 * by replaying that history with alerts suppressed up to the released watermark, so nothing that
 * reached the exactly-once sink is emitted twice and nothing after it is lost. After a rescale the
 * watermarks the old instances had released are kept per key group ({@link ReleasedMarks}), so
 * their alerts are not emitted again either.
 *
 * <p><b>Hot reload.</b> Input 2 carries rule-set versions (broadcast). A newer version replaces the
 * running one when {@link RuleSetSwitch} accepts it; otherwise the old one keeps running and a
 * {@link RuleStatus} says why ({@link #STATUS}).
 *
 * <p>The pieces: {@link PendingEvents} (waiting for the watermark), {@link RecoveryHistory} (keyed
 * state), {@link RuleSetSwitch} (whether a version may run); this class sequences them.
 */
public final class EsperOperator extends AbstractStreamOperator<Alert>
        implements TwoInputStreamOperator<CepEvent, RuleSetUpdate, Alert> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EsperOperator.class);

    public static final OutputTag<LateEvent> LATE =
            new OutputTag<>("cep-late", TypeInformation.of(LateEvent.class));
    public static final OutputTag<RuleStatus> STATUS =
            new OutputTag<>("cep-rule-status", TypeInformation.of(RuleStatus.class));

    private static final ListStateDescriptor<RuleSetUpdate> RULES =
            new ListStateDescriptor<>("cep-rule-set", TypeInformation.of(RuleSetUpdate.class));
    private static final ListStateDescriptor<WatermarkMark> RELEASED =
            new ListStateDescriptor<>("cep-released", TypeInformation.of(WatermarkMark.class));

    private final Partitioning partitioning;
    private final RuleSetUpdate packaged;

    /**
     * The partitions this job runs operators for: a reloaded module of another one could never run.
     */
    private final EnumSet<Partitioning> enabled;

    private final long keptAtLeastMillis;

    private transient RecoveryHistory history;
    private transient CheckpointedWindows windows;
    private transient CepKeys keys;
    private transient ListState<RuleSetUpdate> rulesState;
    private transient ListState<WatermarkMark> releasedState;
    private transient RuleSetUpdate current;
    private transient long released;
    private transient ReleasedMarks marks;
    private transient long newestEvent;
    private transient PendingEvents pending;
    private transient CepEventCodec codec;
    private transient RuleRuntime runtime;
    private transient CepMetrics metrics;
    private transient boolean restored;

    /** Window rows the last warm-up could not put back (see {@link RuleRuntime#restoreWindows}). */
    private transient int droppedRows;

    /**
     * Wall clock (ns) when the watermark being released arrived: alert latency is measured from
     * there.
     */
    private transient long watermarkArrivedNanos;

    /**
     * @param keptAtLeast how far back the history keeps every type whatever the rules read ({@link
     *     CepOptions#RELOAD_HISTORY}; zero without hot reload)
     */
    public EsperOperator(
            Partitioning partitioning,
            RuleSetUpdate packaged,
            Set<Partitioning> enabled,
            Duration keptAtLeast) {
        this.partitioning = partitioning;
        this.packaged = packaged;
        this.enabled = EnumSet.copyOf(enabled);
        this.keptAtLeastMillis = keptAtLeast.toMillis();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        history = new RecoveryHistory(context.getKeyedStateStore(), getKeyedStateBackend());
        windows = new CheckpointedWindows(context.getKeyedStateStore(), getKeyedStateBackend());
        rulesState = context.getOperatorStateStore().getUnionListState(RULES);
        releasedState = context.getOperatorStateStore().getUnionListState(RELEASED);
        current = packaged;
        if (context.isRestored()) {
            for (RuleSetUpdate kept : rulesState.get()) {
                if (kept.version > current.version) {
                    current = kept;
                }
            }
        }
        TaskInfo task = getRuntimeContext().getTaskInfo();
        KeyGroupRange own =
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                        task.getMaxNumberOfParallelSubtasks(),
                        task.getNumberOfParallelSubtasks(),
                        task.getIndexOfThisSubtask());
        marks =
                context.isRestored()
                        ? ReleasedMarks.restore(
                                releasedState.get(), task.getMaxNumberOfParallelSubtasks(), own)
                        : ReleasedMarks.fresh(task.getMaxNumberOfParallelSubtasks(), own);
        released = marks.floor();
        restored = context.isRestored();
    }

    @Override
    public void open() throws Exception {
        super.open();
        codec = new CepEventCodec();
        keys = new CepKeys(partitioning);
        pending = new PendingEvents();
        metrics =
                new CepMetrics(getRuntimeContext().getMetricGroup().addGroup("cep"), partitioning);
        RuleSet ruleSet = RuleSet.compile(current.version, current.files());
        List<CepEvent> all = history.all();
        newestEvent = Long.MIN_VALUE;
        for (CepEvent event : all) {
            newestEvent = Math.max(newestEvent, CepEventCodec.completeAt(event));
        }
        List<WindowRow> rows = restored ? windows.all() : List.of();
        runtime = warm(ruleSet, all, rows, ruleSet.windowRecovered(partitioning));
        for (CepEvent event : all) {
            if (event.time > released) {
                pending.add(event);
            }
        }
        if (restored) {
            LOG.info(
                    "CEP {} restored: rule set v{}, {} window rows put back, {} events of history"
                            + " replayed up to {}, {} pending",
                    partitioning.tagValue(),
                    current.version,
                    rows.size() - droppedRows,
                    all.size() - pending.size(),
                    released,
                    pending.size());
        }
    }

    /**
     * A runtime of this partitioning's modules with {@code rows} (taken from the modules {@code
     * rowsFrom}) put back into the windows of the modules recovered from them and the history up to
     * the released watermark replayed silently into the others.
     */
    private RuleRuntime warm(
            RuleSet ruleSet,
            List<CepEvent> sortedHistory,
            List<WindowRow> rows,
            Set<String> rowsFrom) {
        long start =
                !sortedHistory.isEmpty()
                        ? Math.min(sortedHistory.get(0).time, released)
                        : released != Long.MIN_VALUE ? released : RuleRuntime.AT_FIRST_EVENT;
        RuleRuntime fresh = RuleRuntime.start(ruleSet, partitioning, start, this::emit);
        fresh.suppressThrough(released);
        if (released != Long.MIN_VALUE) {
            droppedRows = fresh.restoreWindows(released, rows, rowsFrom).size();
            if (droppedRows > 0) {
                LOG.warn(
                        "CEP {}: {} window rows dropped: their module or window is gone or its"
                                + " columns changed in rule set v{}",
                        partitioning.tagValue(),
                        droppedRows,
                        ruleSet.version());
            }
        }
        for (CepEvent event : sortedHistory) {
            if (event.time > released) {
                break;
            }
            codec.send(fresh, event);
        }
        if (released != Long.MIN_VALUE) {
            fresh.advanceTo(released);
        }
        metrics.track(fresh);
        return fresh;
    }

    private void emit(Alert alert) {
        if (alert.getEventTime().toEpochMilli() <= marks.releasedBefore(alert.getPartitionKey())) {
            metrics.alreadyEmitted();
            return; // the instance that had this key before a rescale emitted it
        }
        if (watermarkArrivedNanos != 0) {
            metrics.alertLatency(System.nanoTime() - watermarkArrivedNanos);
        }
        output.collect(new StreamRecord<>(alert, alert.getEventTime().toEpochMilli()));
    }

    @Override
    public void processElement1(StreamRecord<CepEvent> record) throws Exception {
        CepEvent event = record.getValue();
        long releasedForKey = Math.max(released, marks.releasedBefore((String) getCurrentKey()));
        if (event.time <= releasedForKey) {
            metrics.late();
            output.collect(
                    LATE, new StreamRecord<>(LateEvents.of(event, releasedForKey), event.time));
            return;
        }
        history.add(event);
        pending.add(event);
        newestEvent = Math.max(newestEvent, CepEventCodec.completeAt(event));
    }

    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        // At the end of input the watermark jumps to +∞: the clock stops at the newest event
        // instead (at the end of its hour for an hourly form, which completes it), so silence
        // rules do not all fire at the end of time.
        long to =
                mark.getTimestamp() == Long.MAX_VALUE
                        ? Math.max(newestEvent, released)
                        : mark.getTimestamp();
        if (to > released) {
            watermarkArrivedNanos = System.nanoTime();
            int events = pending.release(to, this::evaluate);
            runtime.advanceTo(to);
            released = to;
            if (events > 0) {
                metrics.released(events, System.nanoTime() - watermarkArrivedNanos);
            }
            watermarkArrivedNanos = 0;
        }
        super.processWatermark(mark);
    }

    /**
     * A released event, to every module that reads it; after a rescale, not to the modules
     * recovered from their windows if its key's old instance had released it already (their rows
     * hold it).
     */
    private void evaluate(CepEvent event) {
        codec.send(runtime, event, event.time > marks.releasedBefore(keys.getKey(event)));
    }

    /** The rules input carries no event time: its watermarks must not hold the events back. */
    @Override
    public void processWatermark2(Watermark mark) {}

    @Override
    public void processElement2(StreamRecord<RuleSetUpdate> record) throws Exception {
        RuleSetUpdate update = record.getValue();
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        if (update.version <= current.version) {
            return;
        }
        RuleSetSwitch.Outcome outcome =
                RuleSetSwitch.compile(update, enabled, partitioning, subtask);
        if (outcome.rejection() != null) {
            status(outcome.rejection());
            return;
        }
        RuleSet ruleSet = outcome.ruleSet();
        RuleRuntime previous = runtime;
        runtime =
                warm(
                        ruleSet,
                        history.all(),
                        previous.windowRows(),
                        previous.ruleSet().windowRecovered(partitioning));
        previous.close();
        current = update;
        status(
                RuleStatus.active(
                        update.version,
                        partitioning.tagValue(),
                        subtask,
                        released,
                        ruleSet.modules(partitioning).size()
                                + " modules"
                                + (droppedRows > 0
                                        ? ", "
                                                + droppedRows
                                                + " window rows dropped (their windows changed)"
                                        : "")
                                + ", warmed up to "
                                + released));
    }

    private void status(RuleStatus status) {
        if ("REJECTED".equals(status.status)) {
            LOG.warn("{}", status);
        } else {
            LOG.info("{}", status);
        }
        metrics.ruleSetVersion(current.version);
        output.collect(STATUS, new StreamRecord<>(status));
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        rulesState.update(List.of(current));
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        releasedState.update(marks.snapshot(subtask, parallelism, released));
        windows.replace(runtime.windowRows());
        prune();
    }

    /** Drops the events the rules can no longer look back to, each type to its own horizon. */
    private void prune() throws Exception {
        if (released != Long.MIN_VALUE) {
            history.prune(released, horizons(runtime.ruleSet(), partitioning, keptAtLeastMillis));
        }
    }

    /**
     * By event type ({@link CepEvent#type}): how long the partition's modules that read it look
     * back, and at least {@code keptAtLeastMillis}.
     */
    static long[] horizons(RuleSet ruleSet, Partitioning partitioning, long keptAtLeastMillis) {
        List<String> names = new ArrayList<>(EventTypes.readable().keySet());
        long[] horizons = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            horizons[i] =
                    Math.max(
                            ruleSet.horizon(partitioning, names.get(i)).toMillis(),
                            keptAtLeastMillis);
        }
        return horizons;
    }

    @Override
    public void close() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        super.close();
    }
}
