package io.invicta.jobs.time;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * Tumbling windows of calendar days in a time zone: midnight to midnight local time, so 23 or 25
 * hours long on clock-change days. A fixed offset (what {@code TumblingEventTimeWindows} offers) is
 * wrong half of the year.
 */
public final class LocalDayWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final ZoneId zone;

    private LocalDayWindows(ZoneId zone) {
        this.zone = zone;
    }

    public static LocalDayWindows in(ZoneId zone) {
        return new LocalDayWindows(zone);
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            Object element, long timestamp, WindowAssignerContext context) {
        LocalDate day = Instant.ofEpochMilli(timestamp).atZone(zone).toLocalDate();
        return List.of(new TimeWindow(startOf(day), startOf(day.plusDays(1))));
    }

    private long startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "LocalDayWindows(" + zone + ")";
    }
}
