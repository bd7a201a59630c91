package io.invicta.jobs.noise;

import io.invicta.domain.Decibels;
import io.invicta.domain.NoisePeriod;
import io.invicta.jobs.windows.WindowStats;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Daily Lden per sensor in the city's local time: energies of the day (07–19), evening (19–23) and
 * night (23–07) periods are summed per Lden day, and the Lden is emitted when the watermark passes
 * the end of that day (07:00 local the next morning; on clock-change days the night is an hour
 * shorter or longer). Days missing a period are not emitted (counter {@code incompleteLdenDays}).
 * Each observation counts in the period of the middle of its interval. Late readings within the
 * allowed lateness re-emit the day (same InfluxDB point); state is dropped after that.
 */
public final class LdenCalculator extends KeyedProcessFunction<String, WindowStats, NoiseDay> {

    private static final long serialVersionUID = 1L;

    /**
     * The slices of observations (by the middle of their interval) this operator takes, from a
     * {@link io.invicta.jobs.windows.SensorPreAggregate} with {@link NoiseMeasurer#atMiddle()}. The
     * UTC offsets in use today are all multiples of 15 minutes (India +5:30, Nepal +5:45), so the
     * local 07:00, 19:00 and 23:00 that bound the periods fall on the 15-minute grid and a slice
     * lies in one period: one period lookup per slice of a sensor, not one per observation.
     */
    public static final Duration SLICE = Duration.ofMinutes(15);

    private static final LocalTime DAY_START = LocalTime.of(7, 0);

    private final ZoneId zone;
    private final long latenessMs;
    private transient MapState<Long, DayEnergies> days; // epoch day of the Lden day → energies
    private transient Counter incomplete;

    public LdenCalculator(ZoneId zone, Duration allowedLateness) {
        this.zone = zone;
        this.latenessMs = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        days =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "lden-energies-by-day", Long.class, DayEnergies.class));
        incomplete = getRuntimeContext().getMetricGroup().counter("incompleteLdenDays");
    }

    @Override
    public void processElement(WindowStats slice, Context ctx, Collector<NoiseDay> out)
            throws Exception {
        Instant at = Instant.ofEpochMilli(slice.windowStart);
        LocalDate day = NoisePeriod.ldenDay(at, zone);
        long end = end(day);
        if (end + latenessMs <= ctx.timerService().currentWatermark()) {
            return; // too late for this day: the lateness gate before this operator normally keeps
            // these out
        }
        DayEnergies energies = days.get(day.toEpochDay());
        if (energies == null) {
            energies = new DayEnergies();
            ctx.timerService().registerEventTimeTimer(end - 1);
            ctx.timerService().registerEventTimeTimer(end + latenessMs);
        }
        energies.add(
                NoisePeriod.of(at, zone),
                slice.zone,
                slice.stats.sums[NoiseMeasurer.ENERGY],
                slice.stats.sums[NoiseMeasurer.SECONDS]);
        days.put(day.toEpochDay(), energies);
        if (end - 1 <= ctx.timerService().currentWatermark() && energies.complete()) {
            out.collect(result(ctx.getCurrentKey(), day, energies));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<NoiseDay> out)
            throws Exception {
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, DayEnergies> e : days.entries()) {
            LocalDate day = LocalDate.ofEpochDay(e.getKey());
            long end = end(day);
            if (end - 1 == timestamp) {
                if (e.getValue().complete()) {
                    out.collect(result(ctx.getCurrentKey(), day, e.getValue()));
                } else {
                    incomplete.inc();
                }
            }
            if (end + latenessMs <= timestamp) {
                expired.add(e.getKey());
            }
        }
        for (Long day : expired) {
            days.remove(day);
        }
    }

    /** 07:00 local on the morning after the Lden day, when its night ends. */
    private long end(LocalDate day) {
        return day.plusDays(1).atTime(DAY_START).atZone(zone).toInstant().toEpochMilli();
    }

    private NoiseDay result(String sensor, LocalDate day, DayEnergies e) {
        NoiseDay result = new NoiseDay();
        result.sensorId = sensor;
        result.zone = e.zone;
        result.dayStart = day.atTime(DAY_START).atZone(zone).toInstant().toEpochMilli();
        result.lday = Decibels.level(e.dayEnergy.value() / e.daySeconds.value());
        result.levening = Decibels.level(e.eveningEnergy.value() / e.eveningSeconds.value());
        result.lnight = Decibels.level(e.nightEnergy.value() / e.nightSeconds.value());
        result.lden = Decibels.lden(result.lday, result.levening, result.lnight);
        return result;
    }
}
