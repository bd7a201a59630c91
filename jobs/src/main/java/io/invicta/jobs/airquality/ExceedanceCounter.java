package io.invicta.jobs.airquality;

import io.invicta.domain.LimitValue;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts, per station and limit value (the key), the averaging periods of each calendar year whose
 * mean exceeded the limit. It remembers each period's verdict, so a window re-fired by a late event
 * corrects the count instead of adding to it, and a replay counts nothing twice. Emits the year's
 * count on every change; forgets a year once it is over and past the allowed lateness.
 */
public final class ExceedanceCounter
        extends KeyedProcessFunction<Tuple2<String, String>, PollutantMean, Exceedances> {

    private static final long serialVersionUID = 1L;

    private final ZoneId cityZone;
    private final long latenessMs;
    private transient MapState<Long, Boolean> verdicts; // period start → exceeded

    public ExceedanceCounter(ZoneId cityZone, Duration allowedLateness) {
        this.cityZone = cityZone;
        this.latenessMs = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        verdicts =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "exceedance-verdicts", Long.class, Boolean.class));
    }

    @Override
    public void processElement(PollutantMean mean, Context ctx, Collector<Exceedances> out)
            throws Exception {
        LimitValue limit = LimitValue.valueOf(ctx.getCurrentKey().f1);
        boolean exceeded = limit.exceededBy(mean.mean);
        Boolean before = verdicts.get(mean.windowStart);
        verdicts.put(mean.windowStart, exceeded);
        int year = Instant.ofEpochMilli(mean.windowStart).atZone(cityZone).getYear();
        if (before == null) {
            ctx.timerService().registerEventTimeTimer(yearStart(year + 1) + latenessMs);
        }
        if (before == null || before != exceeded) {
            out.collect(count(mean, limit, year));
        }
    }

    private Exceedances count(PollutantMean mean, LimitValue limit, int year) throws Exception {
        long from = yearStart(year);
        long to = yearStart(year + 1);
        int count = 0;
        for (Map.Entry<Long, Boolean> e : verdicts.entries()) {
            if (e.getValue() && e.getKey() >= from && e.getKey() < to) {
                count++;
            }
        }
        Exceedances result = new Exceedances();
        result.sensorId = mean.sensorId;
        result.zone = mean.zone;
        result.limit = limit.name();
        result.year = year;
        result.yearStart = from;
        result.count = count;
        result.allowed = limit.allowedPerYear();
        return result;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Exceedances> out)
            throws Exception {
        List<Long> expired = new ArrayList<>();
        for (Long start : verdicts.keys()) {
            int year = Instant.ofEpochMilli(start).atZone(cityZone).getYear();
            if (yearStart(year + 1) + latenessMs <= timestamp) {
                expired.add(start);
            }
        }
        for (Long start : expired) {
            verdicts.remove(start);
        }
    }

    private long yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(cityZone).toInstant().toEpochMilli();
    }
}
