package io.invicta.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bad zone file stops the job before it starts, with the file, the feature and the problem in the
 * message.
 */
class GeoJsonZonesTest {

    @TempDir Path dir;

    private static String square(String name) {
        return "{\"type\": \"Feature\", \"properties\": {\"name\": \""
                + name
                + "\"}, \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}}";
    }

    private static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": ["
                + String.join(",", features)
                + "]}";
    }

    private String read(String content) throws Exception {
        Path file = Files.writeString(dir.resolve("zones.geojson"), content);
        GeoJsonZones.read(file, "name");
        return file.toString();
    }

    private void assertRefused(String content, String... fragments) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.geojson"), content);
        assertThatThrownBy(() -> GeoJsonZones.read(file, "name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContainingAll(fragments);
    }

    @Test
    void aValidCollectionIsRead() throws Exception {
        Path file =
                Files.writeString(dir.resolve("ok.geojson"), collection(square("A"), square("B")));
        assertThat(GeoJsonZones.read(file, "name").names()).containsExactly("A", "B");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nope.geojson");
        assertThatThrownBy(() -> GeoJsonZones.read(file, "name"))
                .hasMessage(file + ": no such file");
    }

    @Test
    void brokenJsonIsRefusedWithItsLine() throws Exception {
        assertRefused(
                "{\"type\": \"FeatureCollection\",\n \"features\": [", "not valid JSON", "line 2");
    }

    @Test
    void aBareGeometryIsNotAFeatureCollection() throws Exception {
        assertRefused(
                "{\"type\": \"Polygon\", \"coordinates\": []}", "not a GeoJSON FeatureCollection");
        assertRefused(collection(), "has no features");
    }

    @Test
    void aFeatureWithoutTheNamePropertyIsRefusedByIndex() throws Exception {
        assertRefused(
                collection(square("A"), square("B").replace("\"name\"", "\"nome\"")),
                "feature 1",
                "no property \"name\"",
                "zones.geojson-name-property");
    }

    @Test
    void pointsAndLinesAreNotZones() throws Exception {
        assertRefused(
                collection(
                        "{\"type\": \"Feature\", \"properties\": {\"name\": \"P\"}, \"geometry\": "
                                + "{\"type\": \"Point\", \"coordinates\": [0, 0]}}"),
                "feature 0 (name 'P')",
                "geometry type Point");
    }

    @Test
    void anUnclosedRingIsRefused() throws Exception {
        assertRefused(
                collection(square("A"), square("B").replace(", [0, 0]]]", ", [0, 0.5]]]")),
                "feature 1 (name 'B')",
                "outer ring is not closed");
    }

    @Test
    void aRingWithTooFewPositionsIsRefused() throws Exception {
        assertRefused(
                collection(
                        square("A")
                                .replace(
                                        "[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]",
                                        "[[[0, 0], [1, 1], [0, 0]]]")),
                "feature 0",
                "at least 4 positions");
    }

    @Test
    void aHoleIsCheckedLikeTheOuterRing() throws Exception {
        assertRefused(
                collection(
                        square("A")
                                .replace(
                                        "[0, 0]]]",
                                        "[0, 0]], [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2,"
                                                + " 0.4]]]")),
                "feature 0",
                "hole 1 is not closed");
    }

    @Test
    void positionsOffTheGlobeAreRefusedWithAHintAboutTheAxisOrder() throws Exception {
        assertRefused(
                collection(square("A").replace("[1, 0], [1, 1]", "[1, 0], [41.15, -98.61]")),
                "feature 0",
                "position 2",
                "off the globe",
                "[longitude, latitude]");
    }

    @Test
    void aRingEnclosingNoAreaIsRefused() throws Exception {
        assertRefused(
                collection(
                        square("A")
                                .replace(
                                        "[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]",
                                        "[[[0, 0], [1, 1], [2, 2], [0, 0]]]")),
                "feature 0",
                "encloses no area");
    }

    @Test
    void aBadPartOfAMultiPolygonIsNamed() throws Exception {
        assertRefused(
                collection(
                        "{\"type\": \"Feature\", \"properties\": {\"name\": \"M\"}, \"geometry\":"
                            + " {\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0],"
                            + " [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6]]]]}}"),
                "feature 0 (name 'M')",
                "polygon 1",
                "at least 4 positions");
    }
}
