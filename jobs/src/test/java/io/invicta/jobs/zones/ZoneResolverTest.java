package io.invicta.jobs.zones;

import io.invicta.domain.Geo;
import io.invicta.domain.ZoneIndex;
import io.invicta.domain.ZonePolygon;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZoneResolverTest {

    /**
     * Two squares side by side sharing the edge lon = 1; West has a hole (0.4..0.6)² filled by
     * Island.
     */
    static final String ZONES =
            """
{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "West", "code": 11},
   "geometry": {"type": "Polygon", "coordinates": [
     [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]],
     [[0.4, 0.4], [0.4, 0.6], [0.6, 0.6], [0.6, 0.4], [0.4, 0.4]]]}},
  {"type": "Feature", "properties": {"name": "East", "code": 12},
   "geometry": {"type": "Polygon", "coordinates": [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]}},
  {"type": "Feature", "properties": {"name": "Islands", "code": 13},
   "geometry": {"type": "MultiPolygon", "coordinates": [
     [[[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.6], [0.4, 0.4]]],
     [[[5, 5], [6, 5], [5.5, 6], [5, 5]]]]}}
]}
""";

    @TempDir Path dir;

    private ZoneResolver resolver(String outside) throws Exception {
        Path file = Files.writeString(dir.resolve("zones.geojson"), ZONES);
        Configuration c = new Configuration();
        c.set(ZoneOptions.ZONES_GEOJSON_FILE, file.toString());
        if (outside != null) {
            c.set(ZoneOptions.ZONES_OUTSIDE, outside);
        }
        return ZoneResolver.of(c);
    }

    @Test
    void withoutAFileTheZoneIsTheGeohashCellOfTheConfiguredPrecision() {
        Configuration c = new Configuration();
        c.set(ZoneOptions.GEOHASH_PRECISION, 7);
        assertThat(ZoneResolver.of(c).zoneOf(41.1480, -8.6110))
                .isEqualTo(Geo.geohash(41.1480, -8.6110, 7));
    }

    @Test
    void aPointInsideAPolygonGetsItsName() throws Exception {
        ZoneResolver zones = resolver(null);
        assertThat(zones.zoneOf(0.2, 0.2)).isEqualTo("West");
        assertThat(zones.zoneOf(0.9, 1.7)).isEqualTo("East");
    }

    @Test
    void aPointOutsideEveryPolygonGetsTheFixedOutsideNameByDefault() throws Exception {
        assertThat(resolver(null).zoneOf(3, 3)).isEqualTo("outside");
        assertThat(resolver("elsewhere").zoneOf(-1, 0.5)).isEqualTo("elsewhere");
    }

    @Test
    void outsideGeohashGivesPointsOutsideTheirGeohashCell() throws Exception {
        assertThat(resolver("geohash").zoneOf(3, 3)).isEqualTo(Geo.geohash(3, 3, 6));
        assertThat(resolver("geohash").zoneOf(0.2, 0.2)).isEqualTo("West");
    }

    @Test
    void aPointInAHoleIsNotInThePolygonButInTheOneFillingTheHole() throws Exception {
        ZoneResolver zones = resolver(null);
        assertThat(zones.zoneOf(0.5, 0.5)).isEqualTo("Islands");
        assertThat(zones.zoneOf(0.39, 0.5)).as("just outside the hole").isEqualTo("West");
    }

    @Test
    void aPointInAHoleNobodyFillsIsOutside() {
        ZonePolygon donut =
                new ZonePolygon(
                        "Donut",
                        new double[][] {{0, 1, 1, 0, 0}, {0.4, 0.4, 0.6, 0.6, 0.4}},
                        new double[][] {{0, 0, 1, 1, 0}, {0.4, 0.6, 0.6, 0.4, 0.4}});
        assertThat(donut.contains(0.5, 0.5)).isFalse();
        assertThat(donut.contains(0.2, 0.5)).isTrue();
    }

    @Test
    void everyPartOfAMultiPolygonIsTheSameZone() throws Exception {
        ZoneResolver zones = resolver(null);
        assertThat(zones.zoneOf(5.3, 5.5)).isEqualTo("Islands");
        assertThat(zones.zoneOf(5.9, 5.1))
                .as("outside the triangle, inside its bounding box")
                .isEqualTo("outside");
    }

    @Test
    void aPointOnASharedEdgeBelongsToExactlyOneZoneTheEasternOne() throws Exception {
        ZoneResolver zones = resolver(null);
        assertThat(zones.zoneOf(0.5, 1.0)).isEqualTo("East");
        assertThat(zones.zoneOf(0.5, Math.nextDown(1.0))).isEqualTo("West");
        assertThat(zones.zoneOf(0.5, Math.nextUp(1.0))).isEqualTo("East");
    }

    @Test
    void theNamePropertyIsConfigurable() throws Exception {
        Path file = Files.writeString(dir.resolve("coded.geojson"), ZONES);
        Configuration c = new Configuration();
        c.set(ZoneOptions.ZONES_GEOJSON_FILE, file.toString());
        c.set(ZoneOptions.ZONES_GEOJSON_NAME_PROPERTY, "code");
        assertThat(ZoneResolver.of(c).zoneOf(0.5, 1.5)).isEqualTo("12");
    }

    @Test
    void anObservationsOwnZoneWinsOverItsLocation() throws Exception {
        ZoneResolver zones = resolver(null);
        assertThat(zones.zoneOf("Bonfim", 0.2, 0.2)).isEqualTo("Bonfim");
        assertThat(zones.zoneOf(" ", 0.2, 0.2)).as("a blank zone is no zone").isEqualTo("West");
        assertThat(zones.zoneOf(null, 0.2, 0.2)).isEqualTo("West");
    }

    @Test
    void theResolverSurvivesJavaSerializationAsFlinkShipsIt() throws Exception {
        ZoneResolver copy = InstantiationUtil.clone(resolver(null));
        assertThat(copy.zoneOf(0.5, 0.5)).isEqualTo("Islands");
        assertThat(copy.zoneOf(0.5, 1.5)).isEqualTo("East");
    }

    @Test
    void aBlankOutsideNameIsRefused() throws Exception {
        assertThatThrownBy(() -> resolver(" ")).hasMessageContaining("zones.outside");
    }

    @Test
    void tenThousandPolygonsAnswerThroughTheGridIndex() {
        // A 100 × 100 checkerboard of 0.01° squares named by row and column.
        List<ZonePolygon> squares = new ArrayList<>();
        for (int row = 0; row < 100; row++) {
            for (int col = 0; col < 100; col++) {
                double x = col * 0.01, y = row * 0.01;
                squares.add(
                        new ZonePolygon(
                                row + "/" + col,
                                new double[][] {{x, x + 0.01, x + 0.01, x, x}},
                                new double[][] {{y, y, y + 0.01, y + 0.01, y}}));
            }
        }
        ZoneIndex index = new ZoneIndex(squares);
        assertThat(index.zoneAt(0.555, 0.225)).isEqualTo("55/22");
        assertThat(index.zoneAt(0.005, 0.995)).isEqualTo("0/99");
        assertThat(index.zoneAt(1.5, 0.5)).isNull();
        long start = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            index.zoneAt((i % 997) / 997.0, (i % 991) / 991.0);
        }
        // Generous: a linear scan of 10,000 polygons would take minutes here, the grid well under a
        // second.
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    @Test
    void theShippedPortoExampleLoadsAndNamesCentralPorto() {
        Configuration c = new Configuration();
        c.set(ZoneOptions.ZONES_GEOJSON_FILE, "../data/zones/porto-example-zones.geojson");
        ZoneResolver zones = ZoneResolver.of(c);
        assertThat(zones.zoneOf(41.1550, -8.6100)).isEqualTo("Centro");
        assertThat(zones.zoneOf(41.1475, -8.6160)).isEqualTo("Cordoaria");
        assertThat(zones.zoneOf(41.1700, -8.5750)).isEqualTo("Campanha");
        assertThat(zones.zoneOf(41.1700, -8.6000)).isEqualTo("Paranhos");
        assertThat(zones.zoneOf(41.2500, -8.6000)).isEqualTo("outside");
    }

    @Test
    void theConfiguredFileIsCheckedWhenTheResolverIsBuilt() throws Exception {
        Path file = Files.writeString(dir.resolve("zones.geojson"), ZONES);
        Configuration c = new Configuration();
        c.set(ZoneOptions.ZONES_GEOJSON_FILE, file.toString());
        c.set(ZoneOptions.ZONES_GEOJSON_NAME_PROPERTY, "label");
        assertThatThrownBy(() -> ZoneResolver.of(c)).hasMessageContaining("no property \"label\"");
    }
}
