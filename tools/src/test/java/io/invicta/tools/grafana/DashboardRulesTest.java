package io.invicta.tools.grafana;

import io.invicta.tools.catalogue.Catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardRulesTest {

    private static final Path GRAFANA = Path.of("..", "grafana");

    private static Catalogue catalogue() throws Exception {
        return Catalogue.read(Path.of("..").resolve(Catalogue.SHIPPED));
    }

    /** The provisioned datasources with their catalogues, as CheckDashboards reads them. */
    private static Map<String, Catalogue> catalogues() throws Exception {
        Map<String, Catalogue> out = new TreeMap<>();
        for (String uid :
                CheckDashboards.provisionedDatasources(
                        GRAFANA.resolve("provisioning/datasources"))) {
            out.put(
                    uid,
                    Catalogue.read(
                            Path.of("..").resolve(Datasource.of(uid).orElseThrow().catalogue)));
        }
        return out;
    }

    @Test
    void theShippedDashboardsQueryOnlyCataloguedNamesOnTheProvisionedDatasources()
            throws Exception {
        Map<String, Catalogue> catalogues = catalogues();
        assertThat(catalogues).containsOnlyKeys("invicta-influxdb", "invicta-flink-metrics");
        List<Dashboard> dashboards = CheckDashboards.dashboards(GRAFANA.resolve("dashboards"));
        assertThat(dashboards)
                .extracting(Dashboard::uid)
                .contains(
                        "invicta-environment",
                        "invicta-mobility",
                        "invicta-alerts",
                        "invicta-pipeline");
        for (Dashboard d : dashboards) {
            assertThat(DashboardRules.check(d, catalogues)).as(d.uid()).isEmpty();
            assertThat(d.panels()).as(d.uid()).anyMatch(p -> !p.queries().isEmpty());
        }
    }

    @Test
    void aDashboardWithMistakesHasEachNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(
                file,
                """
{"uid": "broken", "title": "Broken",
 "templating": {"list": [{"name": "zone", "type": "query",
   "datasource": {"uid": "invicta-influxdb"},
   "query": "SHOW TAG VALUES FROM \\"air_quality_1h\\" WITH KEY = \\"zone\\""}]},
 "panels": [
  {"id": 1, "type": "timeseries", "title": "a", "datasource": {"uid": "invicta-influxdb"},
   "targets": [{"refId": "A", "query":
     "SELECT mean(\\"colour\\") FROM \\"air_quality_1h\\" WHERE \\"zone\\" =~ /^$zone$/ AND \\"sensor\\" = '$station' AND $timeFilter"}]},
  {"id": 1, "type": "timeseries", "title": "b", "datasource": {"uid": "elsewhere"},
   "targets": [{"refId": "A", "datasource": {"uid": "invicta-influxdb"},
                     "query": "SELECT mean(\\"mean\\") FROM \\"air_quality_2h\\""}]},
  {"id": 3, "type": "text", "title": "c", "datasource": {"uid": "invicta-influxdb"},
   "options": {"content": "see http://localhost:8086"}},
  {"id": 4, "type": "timeseries", "title": "d", "datasource": {"uid": "invicta-flink-metrics"},
   "targets": [{"refId": "A", "datasource": {"uid": "invicta-flink-metrics"}, "query":
     "SELECT last(\\"count\\") FROM \\"taskmanager_job_task_operator_numRecordsIn\\" WHERE $timeFilter"},
               {"refId": "B", "datasource": {"uid": "invicta-flink-metrics"}, "query":
     "SELECT max(\\"value\\") FROM \\"taskmanager_job_task_operator_watermarkLag\\" GROUP BY \\"zone\\""}]}
 ]}
""");
        List<String> problems = DashboardRules.check(Dashboard.read(file), catalogues());
        assertThat(problems)
                .anyMatch(p -> p.contains("air_quality_1h has no tag or field \"colour\""))
                .anyMatch(p -> p.contains("variable $station is not defined"))
                .anyMatch(p -> p.contains("panel id 1 is used twice"))
                .anyMatch(p -> p.contains("uses datasource elsewhere"))
                .anyMatch(p -> p.contains("measurement air_quality_2h is not in the catalogue"))
                .anyMatch(p -> p.contains("names an installation (http://)"))
                .anyMatch(
                        p ->
                                p.contains(
                                        "measurement taskmanager_job_task_operator_numRecordsIn is"
                                                + " not in the catalogue"))
                .anyMatch(
                        p ->
                                p.contains(
                                        "taskmanager_job_task_operator_watermarkLag has no tag or"
                                                + " field \"zone\""));
    }
}
