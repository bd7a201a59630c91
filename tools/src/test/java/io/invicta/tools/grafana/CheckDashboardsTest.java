package io.invicta.tools.grafana;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckDashboardsTest {

    @Test
    void aQueryIsFilledAsGrafanaSendsIt() {
        String q =
                CheckDashboards.fill(
                        "SELECT mean(\"mean\") FROM \"air_quality_1m\" WHERE \"pollutant\" ="
                                + " '$pollutant' AND \"zone\" =~ /^$zone$/ AND \"sensor\" ="
                                + " '$zone_station' AND $timeFilter GROUP BY time($__interval)",
                        Map.of(
                                "zone", List.of("Foz", "a.b"),
                                "pollutant", List.of("no2", "o3")),
                        Map.of("zone", "Foz", "pollutant", "no2"),
                        "2024-05-01T06:00:00Z",
                        "2024-05-02T00:00:00Z",
                        null);
        assertThat(q)
                .isEqualTo(
                        "SELECT mean(\"mean\") FROM \"air_quality_1m\" WHERE \"pollutant\" ="
                                + " 'no2' AND \"zone\" =~ /^(Foz|a\\.b)$/ AND \"sensor\" ="
                                + " '$zone_station' AND time >= '2024-05-01T06:00:00Z' AND time"
                                + " < '2024-05-02T00:00:00Z' GROUP BY time(1m)");
    }

    @Test
    void aPanelWithItsOwnRelativeTimeLooksBackFromTheEnd() {
        assertThat(
                        CheckDashboards.fill(
                                "SELECT 1 FROM \"x\" WHERE $timeFilter",
                                Map.of(),
                                Map.of(),
                                "2024-05-01T06:00:00Z",
                                "2024-05-02T00:00:00Z",
                                "1y"))
                .isEqualTo(
                        "SELECT 1 FROM \"x\" WHERE time >= '2024-05-02T00:00:00Z' - 365d AND"
                                + " time < '2024-05-02T00:00:00Z'");
    }

    @Test
    void theMeasurementAndTheTagsAndFieldsAQueryNamesAreReadWithoutItsAliases() {
        InfluxQl q =
                InfluxQl.parse(
                        "SELECT mean(\"pm10_24h\") AS \"PM10\" FROM \"air_quality_index_1h\""
                                + " WHERE \"sensor\" =~ /^x$/ GROUP BY \"zone\"");
        assertThat(q.measurement()).isEqualTo("air_quality_index_1h");
        assertThat(q.names()).containsExactly("pm10_24h", "sensor", "zone");
        assertThat(InfluxQl.parse("SHOW MEASUREMENTS").measurement()).isNull();
    }
}
