package io.invicta.tools.catalogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCatalogueTest {

    private static Catalogue shipped() throws Exception {
        return Catalogue.read(Path.of("..").resolve(Catalogue.SHIPPED));
    }

    @Test
    void theShippedCatalogueListsTheMeasurementsOfEveryJob() throws Exception {
        Catalogue c = shipped();
        assertThat(c.measurements())
                .containsKeys(
                        "air_quality_1m",
                        "air_quality_index_1h",
                        "noise_lden_1d",
                        "weather_zone_1h",
                        "traffic_1m",
                        "vehicle_zone_1h",
                        "alerts",
                        "data_quality_1h");
        assertThat(c.measurements().values())
                .extracting(Catalogue.Measurement::job)
                .containsOnly("air-quality", "noise", "weather", "mobility", "cep", "any");
        assertThat(c.measurements().get("traffic_1m").optionalTag("lane")).isTrue();
        assertThat(
                        c.measurements()
                                .get("air_quality_index_1h")
                                .fields()
                                .get("pm10_24h")
                                .isOptional())
                .isTrue();
    }

    @Test
    void whatADatabaseHoldsAsTheCatalogueSaysHasNoProblem() throws Exception {
        var written =
                Map.of(
                        "traffic_1m",
                        new Catalogue.Written(
                                Set.of("sensor", "zone"),
                                Map.of(
                                        "observations", "integer",
                                        "vehicles", "integer",
                                        "speed", "float")));
        assertThat(CheckCatalogue.problems(only(shipped(), "traffic_1m"), written, Set.of()))
                .isEmpty();
    }

    @Test
    void anUnlistedMeasurementTagOrFieldAWrongTypeAndAMissingFieldAreEachNamed() throws Exception {
        var written =
                Map.of(
                        "traffic_1m",
                        new Catalogue.Written(
                                Set.of("sensor", "zone", "colour"),
                                Map.of(
                                        "observations", "float",
                                        "mood", "string")),
                        "traffic_2m",
                        new Catalogue.Written(Set.of(), Map.of("vehicles", "integer")));
        assertThat(CheckCatalogue.problems(only(shipped(), "traffic_1m"), written, Set.of()))
                .containsExactlyInAnyOrder(
                        "not in the catalogue: measurement traffic_2m",
                        "not in the catalogue: tag traffic_1m.colour",
                        "type: traffic_1m.observations is float, the catalogue says integer",
                        "not in the catalogue: field traffic_1m.mood",
                        "missing: field traffic_1m.vehicles");
    }

    @Test
    void aListedMeasurementNotWrittenIsMissingUnlessTheInputCannotProduceIt() throws Exception {
        Catalogue c = only(shipped(), "noise_lden_1d");
        assertThat(CheckCatalogue.problems(c, Map.of(), Set.of()))
                .containsExactly("missing: measurement noise_lden_1d");
        assertThat(CheckCatalogue.problems(c, Map.of(), Set.of("noise_lden_1d"))).isEmpty();
    }

    @Test
    void anIncompleteCatalogueAsksOnlyForWhatItListsWithItsTypes() throws Exception {
        Catalogue pipeline = Catalogue.read(Path.of("..").resolve(Catalogue.PIPELINE));
        assertThat(pipeline.isComplete()).isFalse();
        String lag = "taskmanager_job_task_operator_watermarkLag";
        Catalogue c = new Catalogue(false, Map.of(lag, pipeline.measurements().get(lag)));
        Set<String> tags =
                Set.of(
                        "job_name",
                        "job_id",
                        "operator_name",
                        "subtask_index",
                        "task_name",
                        "tm_id",
                        "host");
        var written =
                Map.of(
                        lag,
                        new Catalogue.Written(
                                union(tags, Set.of("task_attempt_id")),
                                Map.of("value", "integer", "other", "float")),
                        "jobmanager_numRunningJobs",
                        new Catalogue.Written(Set.of("host"), Map.of("value", "integer")));
        assertThat(CheckCatalogue.problems(c, written, Set.of())).isEmpty();

        var wrong =
                Map.of(
                        lag,
                        new Catalogue.Written(
                                Set.of("job_name", "operator_name"), Map.of("value", "float")));
        assertThat(CheckCatalogue.problems(c, wrong, Set.of()))
                .contains(
                        "missing: tag " + lag + ".subtask_index",
                        "type: " + lag + ".value is float, the catalogue says integer");
        assertThat(CheckCatalogue.problems(c, Map.of(), Set.of()))
                .containsExactly("missing: measurement " + lag);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Catalogue only(Catalogue c, String measurement) {
        return new Catalogue(Map.of(measurement, c.measurements().get(measurement)));
    }
}
