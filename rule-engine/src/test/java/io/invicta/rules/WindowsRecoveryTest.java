package io.invicta.rules;

import io.invicta.schemas.Alert;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped module recovered from its named windows, stopped at any point of a random input and
 * restored from its rows (through their checkpoint encoding) into a fresh runtime that then reads
 * only the events after that point, raises exactly the alerts of an uninterrupted run.
 */
class WindowsRecoveryTest {

    private static final int PARTS = 10;

    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of(
                        "air-quality-episodes",
                        (LongFunction<List<SpecificRecord>>) RandomReadings::no2),
                Arguments.of(
                        "parking", (LongFunction<List<SpecificRecord>>) RandomReadings::parking),
                Arguments.of(
                        "traffic-pollution",
                        (LongFunction<List<SpecificRecord>>) RandomReadings::trafficAndNo2),
                Arguments.of(
                        "vehicles", (LongFunction<List<SpecificRecord>>) RandomReadings::vehicles),
                Arguments.of(
                        "sensor-health",
                        (LongFunction<List<SpecificRecord>>) RandomReadings::stations),
                Arguments.of(
                        "traffic", (LongFunction<List<SpecificRecord>>) RandomReadings::congestion),
                Arguments.of(
                        "bikes",
                        (LongFunction<List<SpecificRecord>>) RandomReadings::bikeStations));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void aRestoreFromTheRowsRaisesTheAlertsOfAnUninterruptedRun(
            String module, LongFunction<List<SpecificRecord>> input) throws Exception {
        RuleSet set =
                RuleSet.compile(1, RuleFile.readAll(List.of(Path.of("..", "cep-rules"))))
                        .only(module);
        assertThat(set.modules().get(0).recovery()).isEqualTo(Recovery.WINDOWS);
        List<SpecificRecord> events = input.apply(7);
        long end = EventTypes.eventTimeOf(events.get(events.size() - 1)) + 3_600_000;

        List<Alert> uninterrupted = new ArrayList<>();
        try (RuleRuntime runtime =
                RuleRuntime.start(set, null, RandomReadings.START, uninterrupted::add)) {
            events.forEach(runtime::send);
            runtime.advanceTo(end);
        }
        List<String> expected = WindowFormEquivalenceTest.described(uninterrupted);
        assertThat(expected).as("the input makes alerts").hasSizeGreaterThan(10);

        // Stopped at each tenth of the input: each time on an instant that has
        // further events after it, and with some of the alerts already raised.
        for (int part = 1; part < PARTS; part++) {
            long checkpoint = EventTypes.eventTimeOf(events.get(events.size() * part / PARTS));
            List<Alert> resumed = new ArrayList<>();
            List<WindowRow> rows = new ArrayList<>();
            try (RuleRuntime runtime =
                    RuleRuntime.start(set, null, RandomReadings.START, resumed::add)) {
                events.stream()
                        .filter(e -> EventTypes.eventTimeOf(e) <= checkpoint)
                        .forEach(runtime::send);
                runtime.advanceTo(checkpoint);
                for (WindowRow row : runtime.windowRows()) {
                    rows.add(WindowRow.decode(row.module(), row.window(), row.key(), row.encode()));
                }
            }
            assertThat(rows).as("rows at part " + part).isNotEmpty();
            try (RuleRuntime runtime = RuleRuntime.start(set, null, checkpoint, resumed::add)) {
                runtime.suppressThrough(checkpoint);
                assertThat(runtime.restoreWindows(checkpoint, rows, Set.of(module))).isEmpty();
                events.stream()
                        .filter(e -> EventTypes.eventTimeOf(e) > checkpoint)
                        .forEach(runtime::send);
                runtime.advanceTo(end);
            }
            assertThat(WindowFormEquivalenceTest.described(resumed))
                    .as("stopped at part " + part + " of " + PARTS)
                    .containsExactlyElementsOf(expected);
        }
    }
}
