package io.invicta.jobs.cep;

import io.invicta.jobs.io.LateEvent;
import io.invicta.rules.HourlyForm;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Flink's pre-aggregation for the rules: the {@link HourlyForm hourly form} of one observation
 * type, per sensor (the key) and clock hour, emitted when the watermark passes the hour's last
 * millisecond. State is one accumulator per sensor and open hour (a few numbers per field, whatever
 * the sensor's rate), so rules over hours and days cost the rules job a bounded number of events
 * per sensor instead of every reading.
 *
 * <p>A reading for an hour already emitted is late: counted ({@code lateEvents}) and sent to {@link
 * #LATE} (the late-events topic) with the watermark it missed, as the rule operators do.
 */
final class HourlyEvents extends KeyedProcessFunction<String, CepEvent, CepEvent> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<LateEvent> LATE =
            new OutputTag<>("cep-hourly-late", TypeInformation.of(LateEvent.class));

    private final HourlyForm form;
    private transient MapState<Long, HourlyForm.HourAccumulator> hours;
    private transient CepEventCodec codec;
    private transient Counter late;

    HourlyEvents(HourlyForm form) {
        this.form = form;
    }

    @Override
    public void open(OpenContext openContext) {
        hours =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "hours",
                                        Types.LONG,
                                        TypeInformation.of(HourlyForm.HourAccumulator.class)));
        codec = new CepEventCodec();
        late =
                getRuntimeContext()
                        .getMetricGroup()
                        .addGroup("cep")
                        .addGroup("hourly", form.name())
                        .counter("lateEvents");
    }

    @Override
    public void processElement(CepEvent event, Context ctx, Collector<CepEvent> out)
            throws Exception {
        long hour = HourlyForm.hourOf(event.time);
        long release = HourlyForm.releaseTime(hour);
        long watermark = ctx.timerService().currentWatermark();
        if (release <= watermark) {
            late.inc();
            ctx.output(LATE, LateEvents.of(event, watermark));
            return;
        }
        HourlyForm.HourAccumulator acc = hours.get(hour);
        if (acc == null) {
            acc = form.start(hour);
            ctx.timerService().registerEventTimeTimer(release);
        }
        form.add(codec.decode(event), event.zone, acc);
        hours.put(hour, acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CepEvent> out)
            throws Exception {
        long hour = timestamp + 1 - HourlyForm.HOUR_MS;
        HourlyForm.HourAccumulator acc = hours.get(hour);
        if (acc == null) {
            return;
        }
        hours.remove(hour);
        String sensor = ctx.getCurrentKey();
        out.collect(codec.hourly(form, sensor, acc.zone, form.record(sensor, acc), timestamp));
    }
}
