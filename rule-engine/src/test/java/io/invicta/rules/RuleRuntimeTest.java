package io.invicta.rules;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.GeoPoint;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleRuntimeTest {

    private static final long NINE = Instant.parse("2024-05-01T09:00:00Z").toEpochMilli();

    @Test
    void wholeMinuteTimersFireAtWholeMinutesWhateverTheMillisecondTheRuntimeStartedAt()
            throws Exception {
        // A runtime started at a watermark (…​.999) or at an event's odd millisecond must raise the
        // same alerts at the same instants as one started at a whole second; and one advance past
        // the fifteenth minute fires that minute's check at the minute, not where the clock stops.
        for (long start : new long[] {NINE - 60_000, NINE - 60_000 + 999, NINE - 1}) {
            assertThat(silenceAlertTimes(start))
                    .as("started at " + start)
                    .containsExactly(NINE + 15 * 60_000);
        }
    }

    private static List<Long> silenceAlertTimes(long start) throws Exception {
        RuleSet set =
                RuleSet.compile(1, RuleFile.readAll(List.of(Path.of("..", "cep-rules"))))
                        .only("sensor-health");
        List<Alert> alerts = new ArrayList<>();
        try (RuleRuntime runtime = RuleRuntime.start(set, null, start, alerts::add)) {
            runtime.send(
                    AirQualityObserved.newBuilder()
                            .setId("s1")
                            .setZone("z1")
                            .setDateObserved(Instant.ofEpochMilli(NINE))
                            .setLocation(new GeoPoint(41.15, -8.61))
                            .setNo2(10.0)
                            .build());
            runtime.advanceTo(NINE + 15 * 60_000 + 999);
        }
        return alerts.stream().map(a -> a.getEventTime().toEpochMilli()).toList();
    }

    private static final long MIN = 60_000;

    private static AirQualityObserved air(String id, long time, double no2) {
        return AirQualityObserved.newBuilder()
                .setId(id)
                .setZone("z1")
                .setDateObserved(Instant.ofEpochMilli(time))
                .setLocation(new GeoPoint(41.15, -8.61))
                .setNo2(no2)
                .build();
    }

    /**
     * Three sensors from 09:00: s1 stuck at the same values every 10 minutes for three hours (one
     * alert, at 10:00), an hourly station h1 that stops after 11:00 (silent at three of its gaps,
     * 14:00), and s2 reporting every minute until 10:30 (silent at 10:45).
     */
    private static List<AirQualityObserved> sensorHealthInput() {
        List<AirQualityObserved> input = new ArrayList<>();
        for (long t = NINE; t <= NINE + 180 * MIN; t += MIN) {
            if ((t - NINE) % (10 * MIN) == 0) {
                input.add(air("s1", t, 42.0));
            }
            if ((t - NINE) % (60 * MIN) == 0 && t <= NINE + 120 * MIN) {
                input.add(air("h1", t, 10.0 + t % 7));
            }
            if (t <= NINE + 90 * MIN) {
                input.add(air("s2", t, 20.0 + (t / MIN) % 5));
            }
        }
        return input;
    }

    private static List<String> described(List<Alert> alerts) {
        return alerts.stream()
                .map(
                        a ->
                                a.getRuleId()
                                        + " "
                                        + a.getPartitionKey()
                                        + " "
                                        + Instant.ofEpochMilli(a.getEventTime().toEpochMilli()))
                .toList();
    }

    @Test
    void aModuleRecoveredFromItsWindowsRaisesAfterARestoreTheAlertsOfAnUninterruptedRun()
            throws Exception {
        RuleSet set =
                RuleSet.compile(1, RuleFile.readAll(List.of(Path.of("..", "cep-rules"))))
                        .only("sensor-health");
        assertThat(set.modules().get(0).recovery()).isEqualTo(Recovery.WINDOWS);
        List<AirQualityObserved> input = sensorHealthInput();
        long end = NINE + 6 * 60 * MIN;

        List<Alert> uninterrupted = new ArrayList<>();
        try (RuleRuntime runtime = RuleRuntime.start(set, null, NINE, uninterrupted::add)) {
            input.forEach(runtime::send);
            runtime.advanceTo(end);
        }
        assertThat(described(uninterrupted))
                .containsExactlyInAnyOrder(
                        // h1's first reading has no gap yet: silent after 15 minutes
                        "sensor-silent h1 2024-05-01T09:15:00Z",
                        "air-quality-sensor-stuck s1 2024-05-01T10:00:00Z",
                        "sensor-silent s2 2024-05-01T10:45:00Z",
                        // three gaps of 10 minutes after 12:00
                        "sensor-silent s1 2024-05-01T12:30:00Z",
                        "sensor-silent h1 2024-05-01T14:00:00Z");

        // Stopped at 11:30, when s1's run began two and a half hours and h1's gaps one to two
        // hours ago; the rows go through their checkpoint encoding.
        long checkpoint = NINE + 150 * MIN;
        List<Alert> resumed = new ArrayList<>();
        List<WindowRow> rows = new ArrayList<>();
        try (RuleRuntime runtime = RuleRuntime.start(set, null, NINE, resumed::add)) {
            input.stream()
                    .filter(o -> o.getDateObserved().toEpochMilli() <= checkpoint)
                    .forEach(runtime::send);
            runtime.advanceTo(checkpoint);
            for (WindowRow row : runtime.windowRows()) {
                rows.add(WindowRow.decode(row.module(), row.window(), row.key(), row.encode()));
            }
        }
        assertThat(rows).extracting(WindowRow::key).contains("s1", "s2", "h1");
        try (RuleRuntime runtime = RuleRuntime.start(set, null, checkpoint, resumed::add)) {
            runtime.suppressThrough(checkpoint);
            assertThat(
                            runtime.restoreWindows(
                                    checkpoint, rows, set.windowRecovered(Partitioning.SENSOR)))
                    .isEmpty();
            input.stream()
                    .filter(o -> o.getDateObserved().toEpochMilli() > checkpoint)
                    .forEach(runtime::send);
            runtime.advanceTo(end);
        }
        assertThat(described(resumed)).containsExactlyElementsOf(described(uninterrupted));
    }

    @Test
    void rowsOfAWindowWhoseColumnsChangedAreNotPutBack() throws Exception {
        String module =
                """
module run;
@Tag(name='recovery', value='windows')
create window Run#unique(zone) as (zone string, since long%s);
on AirQualityObserved as r merge Run as s where s.zone = r.zone
when not matched then insert select r.zone as zone, r.dateObserved.toEpochMilli() as since;
@Name('run') @Description('d') @Tag(name='severity', value='INFO')
@Tag(name='partition', value='zone') @Tag(name='message', value='{zone}')
select zone from Run(since < 0);
""";
        RuleSet before = RuleSet.compile(1, List.of(new RuleFile("run.epl", module.formatted(""))));
        RuleSet after =
                RuleSet.compile(
                        2, List.of(new RuleFile("run.epl", module.formatted(", level int"))));
        List<WindowRow> rows;
        try (RuleRuntime runtime = RuleRuntime.start(before, null, NINE, a -> {})) {
            runtime.send(air("s1", NINE, 10.0));
            rows = runtime.windowRows();
        }
        assertThat(rows).hasSize(1);
        try (RuleRuntime runtime = RuleRuntime.start(after, null, NINE, a -> {})) {
            assertThat(runtime.restoreWindows(NINE, rows, Set.of("run"))).isEqualTo(rows);
            assertThat(runtime.windowRows()).isEmpty();
        }
        try (RuleRuntime runtime = RuleRuntime.start(before, null, NINE, a -> {})) {
            assertThat(runtime.restoreWindows(NINE, rows, Set.of("run"))).isEmpty();
            assertThat(runtime.windowRows()).hasSize(1);
        }
    }
}
