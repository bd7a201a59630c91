package io.invicta.jobs.time;

import io.invicta.jobs.io.LateEvent;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;

/**
 * Decides once, before the windows, whether an event is too late: when even the shortest window it
 * belongs to ended more than the allowed lateness ago (window end − 1 ms + lateness ≤ watermark,
 * the window operator's own rule), it goes to {@link #LATE} (and the late-events topic) instead of
 * being dropped by the windows unseen. Events that pass are accepted by every window downstream,
 * whose watermark is never ahead of this one's.
 */
public final class LatenessGate<T extends SpecificRecord> extends ProcessFunction<T, T> {

    private static final long serialVersionUID = 1L;

    /** Side output of the events too late for any window. */
    public static final OutputTag<LateEvent> LATE = new OutputTag<>("late-events") {};

    private final EventKind<T> kind;
    private final long shortestWindowMs;
    private final long allowedLatenessMs;
    private transient AvroCodec<T> codec;
    private transient Counter lateEvents;

    public LatenessGate(EventKind<T> kind, Duration shortestWindow, Duration allowedLateness) {
        this.kind = kind;
        this.shortestWindowMs = shortestWindow.toMillis();
        this.allowedLatenessMs = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        codec = Codecs.forType(kind.type());
        lateEvents = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(T event, Context ctx, Collector<T> out) {
        long timestamp = ctx.timestamp();
        long watermark = ctx.timerService().currentWatermark();
        long windowMaxTimestamp =
                timestamp - Math.floorMod(timestamp, shortestWindowMs) + shortestWindowMs - 1;
        if (windowMaxTimestamp + allowedLatenessMs <= watermark) {
            lateEvents.inc();
            ctx.output(
                    LATE,
                    new LateEvent(kind.key(event), timestamp, watermark, codec.encode(event)));
            return;
        }
        out.collect(event);
    }
}
