package io.invicta.rules;

import io.invicta.rules.testing.RuleTests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule set shipped in {@code cep-rules/} compiles, and every rule's test cases pass. */
class ShippedRulesTest {

    static final Path RULES = Path.of("..", "cep-rules");

    static RuleSet shipped() throws RuleSetException {
        return RuleSet.compile(1, RuleFile.readAll(List.of(RULES)));
    }

    @Test
    void everyShippedRuleHasATestCaseThatFiresAndOneThatMustNot() throws Exception {
        RuleSet set = shipped();
        assertThat(set.rules())
                .as("the starter set a city would run")
                .hasSizeGreaterThanOrEqualTo(10);
        for (RuleSet.CompiledModule module : set.modules()) {
            Path tests = RULES.resolve(module.name() + ".tests.yaml");
            assertThat(tests).as("test cases of " + module.name()).exists();
            String text = Files.readString(tests);
            for (RuleInfo rule : module.rules()) {
                assertThat(text)
                        .as("a case expecting rule " + rule.name())
                        .contains("rule: " + rule.name());
            }
            assertThat(text)
                    .as(module.name() + " has a case that must not fire")
                    .contains("expect: []");
        }
    }

    @Test
    void eachEventTypeIsKeptOnlyAsLongAsTheModulesOfItsPartitionThatReadItLookBack()
            throws Exception {
        RuleSet set = shipped();
        // The 24-hour running means of the air-quality module read hourly forms: a day of those...
        assertThat(set.horizon(Partitioning.ZONE, "AirQualityObservedHourly"))
                .isEqualTo(set.horizon());
        assertThat(set.horizon()).hasHours(24);
        // ...and no reading: the short episodes, traffic then NO2 and sensor health keep rows.
        assertThat(set.horizon(Partitioning.ZONE, "AirQualityObserved")).isZero();
        assertThat(set.horizon(Partitioning.ZONE, "TrafficFlowObserved")).isZero();
        assertThat(set.horizon(Partitioning.SENSOR, "AirQualityObserved")).isZero();
        // Night noise: a night of hourly forms, no raw reading at all.
        assertThat(set.horizon(Partitioning.ZONE, "NoiseLevelObservedHourly")).hasHours(8);
        assertThat(set.horizon(Partitioning.ZONE, "NoiseLevelObserved")).isZero();
        // Vehicle stops, parking fillings, congestion and empty or full bike stations keep a row
        // per vehicle, segment, traffic sensor and station: no positions, counts or readings.
        assertThat(set.horizon(Partitioning.VEHICLE, "VehiclePosition")).isZero();
        assertThat(set.horizon(Partitioning.SENSOR, "OnStreetParking")).isZero();
        assertThat(set.horizon(Partitioning.SENSOR, "TrafficFlowObserved")).isZero();
        assertThat(set.horizon(Partitioning.SENSOR, "BikeHireDockingStation")).isZero();
        // A partition whose modules do not read a type keeps none of it.
        assertThat(set.horizon(Partitioning.VEHICLE, "AirQualityObserved")).isZero();
    }

    @TestFactory
    Stream<DynamicTest> shippedRuleTestCasesPass() throws Exception {
        RuleSet set = shipped();
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleSet.CompiledModule module : set.modules()) {
            for (RuleTests.CaseResult result :
                    RuleTests.run(
                            set, module.name(), RULES.resolve(module.name() + ".tests.yaml"))) {
                tests.add(
                        DynamicTest.dynamicTest(
                                module.name() + ": " + result.name(),
                                () ->
                                        assertThat(result.differences())
                                                .as(result.name())
                                                .isEmpty()));
            }
        }
        return tests.stream();
    }
}
