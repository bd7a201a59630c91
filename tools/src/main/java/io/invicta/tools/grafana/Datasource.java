package io.invicta.tools.grafana;

import io.invicta.tools.catalogue.Catalogue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The datasources grafana/provisioning declares, each with the catalogue of what its database
 * holds: the city's measurements, and the pipeline's metrics (Flink's InfluxDB reporter).
 */
enum Datasource {
    CITY("invicta-influxdb", Catalogue.SHIPPED),
    PIPELINE("invicta-flink-metrics", Catalogue.PIPELINE);

    final String uid;
    final Path catalogue;

    Datasource(String uid, Path catalogue) {
        this.uid = uid;
        this.catalogue = catalogue;
    }

    static Optional<Datasource> of(String uid) {
        return Stream.of(values()).filter(d -> d.uid.equals(uid)).findFirst();
    }
}
