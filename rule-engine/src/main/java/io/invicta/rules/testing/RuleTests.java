package io.invicta.rules.testing;

import io.invicta.rules.EventTypes;
import io.invicta.rules.HourlyAggregator;
import io.invicta.rules.RuleRuntime;
import io.invicta.rules.RuleSet;
import io.invicta.schemas.Alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the test cases kept beside a rule module ({@code air-quality.epl} → {@code
 * air-quality.tests.yaml}): given events at event times, expect exactly the listed alerts. Each
 * case gets a fresh runtime of the module (and only it), events are sent in time order (ties in
 * file order), then the clock moves to {@code until} (or the last event) so silence and window-end
 * rules can fire. Deterministic: no wall clock anywhere.
 *
 * <pre>
 * cases:
 *   - name: three high NO2 readings within 15 minutes alert
 *     start: 2024-05-01T10:00:00Z
 *     events:
 *       - {type: AirQualityObserved, at: +0, id: s1, zone: z1, no2: 210}
 *     until: +20m
 *     expect:
 *       - {rule: no2-three-high-readings, at: +10m, key: z1, message: "...", fields: {count: "3"}}
 * </pre>
 */
public final class RuleTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleTests() {}

    /** The outcome of one case: passed, or every difference between expected and raised alerts. */
    public record CaseResult(String file, String name, List<String> differences, int alerts) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    /** Runs every case of {@code testFile} against the module {@code module} of {@code ruleSet}. */
    @SuppressWarnings("unchecked")
    public static List<CaseResult> run(RuleSet ruleSet, String module, Path testFile)
            throws IOException {
        Map<String, Object> root = YAML.readValue(testFile.toFile(), Map.class);
        List<Map<String, Object>> cases =
                (List<Map<String, Object>>) root.getOrDefault("cases", List.of());
        RuleSet.CompiledModule compiled =
                ruleSet.modules().stream()
                        .filter(m -> m.name().equals(module))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no module " + module));
        List<CaseResult> results = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            String name = String.valueOf(c.getOrDefault("name", "case " + (results.size() + 1)));
            try {
                results.add(runCase(ruleSet, compiled, testFile.toString(), name, c));
            } catch (RuntimeException e) {
                results.add(
                        new CaseResult(
                                testFile.toString(),
                                name,
                                List.of("cannot run: " + e.getMessage()),
                                0));
            }
        }
        if (results.isEmpty()) {
            results.add(new CaseResult(testFile.toString(), "(file)", List.of("no test cases"), 0));
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static CaseResult runCase(
            RuleSet ruleSet,
            RuleSet.CompiledModule module,
            String file,
            String name,
            Map<String, Object> spec) {
        Long start = spec.containsKey("start") ? TestTime.parse(spec.get("start"), null) : null;
        List<SpecificRecord> events = new ArrayList<>();
        for (Map<String, Object> e :
                (List<Map<String, Object>>) spec.getOrDefault("events", List.of())) {
            events.add(TestEvents.create(e, start));
        }
        events.sort(Comparator.comparingLong(EventTypes::eventTimeOf));
        long first =
                events.isEmpty()
                        ? (start == null ? 0 : start)
                        : EventTypes.eventTimeOf(events.get(0));
        long clockStart = start == null ? first : Math.min(start, first);
        List<Alert> alerts = new ArrayList<>();
        RuleSet single = ruleSet.only(module.name());
        HourlyAggregator hourly = new HourlyAggregator(module.eventTypes());
        try (RuleRuntime runtime = RuleRuntime.start(single, null, clockStart, alerts::add)) {
            for (SpecificRecord event : events) {
                hourly.send(runtime, event);
            }
            if (spec.containsKey("until")) {
                // The case ends at 'until': hours not over by then are never complete.
                hourly.advance(runtime, TestTime.parse(spec.get("until"), start));
            } else {
                hourly.finish(runtime);
            }
        }
        List<Map<String, Object>> expected = (List<Map<String, Object>>) spec.get("expect");
        if (expected == null) {
            return new CaseResult(
                    file,
                    name,
                    List.of("the case has no 'expect' (use 'expect: []' for none)"),
                    alerts.size());
        }
        return new CaseResult(
                file, name, AlertMatcher.differences(expected, alerts, start), alerts.size());
    }

    static String describe(Alert a) {
        return a.getRuleId()
                + " at "
                + a.getEventTime()
                + " key "
                + a.getPartitionKey()
                + " \""
                + a.getMessage()
                + "\" "
                + a.getFields();
    }

    static boolean same(Object expected, Object actual) {
        return expected == null || Objects.equals(String.valueOf(expected), String.valueOf(actual));
    }
}
