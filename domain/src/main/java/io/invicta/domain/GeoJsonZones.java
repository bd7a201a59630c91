package io.invicta.domain;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads named zones from a GeoJSON FeatureCollection (RFC 7946) of Polygon and MultiPolygon
 * features, e.g. a city's parishes. The zone name is a feature property. Several features (or the
 * parts of a MultiPolygon) may carry the same name: they form one zone.
 *
 * <p>The file is checked completely when the job is built, so a bad file stops the submission with
 * a message naming the file, the feature index and what is wrong, instead of failing on the task
 * managers later.
 */
public final class GeoJsonZones {

    private GeoJsonZones() {}

    /**
     * Reads and validates the file; throws {@link IllegalArgumentException} on anything that is not
     * usable.
     */
    public static ZoneIndex read(Path file, String nameProperty) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JacksonException e) {
            // Jackson's own location text names a redacted source; keep only line and column.
            throw new IllegalArgumentException(
                    file
                            + ": not valid JSON: "
                            + e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "[")
                            + (e.getLocation() != null
                                    ? " at line " + e.getLocation().getLineNr()
                                    : ""),
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e, e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException(
                    file + ": not a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\")");
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            throw new IllegalArgumentException(file + ": the FeatureCollection has no features");
        }
        List<ZonePolygon> polygons = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode name = features.get(i).path("properties").path(nameProperty);
            String where =
                    file
                            + ": feature "
                            + i
                            + (name.isValueNode()
                                    ? " (" + nameProperty + " '" + name.asText() + "')"
                                    : "");
            try {
                readFeature(features.get(i), nameProperty, polygons);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new ZoneIndex(polygons);
    }

    private static void readFeature(JsonNode feature, String nameProperty, List<ZonePolygon> out) {
        if (!"Feature".equals(feature.path("type").asText())) {
            throw new IllegalArgumentException("not a Feature (\"type\": \"Feature\")");
        }
        JsonNode nameNode = feature.path("properties").path(nameProperty);
        if (!(nameNode.isTextual() || nameNode.isNumber()) || nameNode.asText().isBlank()) {
            throw new IllegalArgumentException(
                    "no property \""
                            + nameProperty
                            + "\" with the zone name "
                            + "(set zones.geojson-name-property to the property that holds it)");
        }
        String name = nameNode.asText().trim();
        JsonNode geometry = feature.path("geometry");
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        switch (type) {
            case "Polygon" -> out.add(polygon(name, coordinates));
            case "MultiPolygon" -> {
                requireNonEmptyArray(coordinates, "MultiPolygon coordinates");
                for (int p = 0; p < coordinates.size(); p++) {
                    try {
                        out.add(polygon(name, coordinates.get(p)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "polygon " + p + ": " + e.getMessage(), e);
                    }
                }
            }
            default ->
                    throw new IllegalArgumentException(
                            "geometry type "
                                    + (type.isEmpty() ? "(none)" : type)
                                    + " is not supported, only Polygon and MultiPolygon");
        }
    }

    private static ZonePolygon polygon(String name, JsonNode rings) {
        requireNonEmptyArray(rings, "Polygon coordinates");
        double[][] lons = new double[rings.size()][];
        double[][] lats = new double[rings.size()][];
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            String what = r == 0 ? "outer ring" : "hole " + r;
            if (!ring.isArray() || ring.size() < 4) {
                throw new IllegalArgumentException(
                        what
                                + " needs at least 4 positions (a closed triangle), has "
                                + (ring.isArray() ? ring.size() : "none"));
            }
            lons[r] = new double[ring.size()];
            lats[r] = new double[ring.size()];
            for (int k = 0; k < ring.size(); k++) {
                JsonNode position = ring.get(k);
                if (!position.isArray()
                        || position.size() < 2
                        || !position.get(0).isNumber()
                        || !position.get(1).isNumber()) {
                    throw new IllegalArgumentException(
                            what + ", position " + k + ": not [longitude, latitude]");
                }
                lons[r][k] = position.get(0).asDouble();
                lats[r][k] = position.get(1).asDouble();
                if (Math.abs(lons[r][k]) > 180 || Math.abs(lats[r][k]) > 90) {
                    throw new IllegalArgumentException(
                            what
                                    + ", position "
                                    + k
                                    + ": ["
                                    + lons[r][k]
                                    + ", "
                                    + lats[r][k]
                                    + "] is off the globe (GeoJSON is [longitude, latitude])");
                }
            }
            int last = ring.size() - 1;
            if (lons[r][0] != lons[r][last] || lats[r][0] != lats[r][last]) {
                throw new IllegalArgumentException(
                        what + " is not closed: its last position must repeat the first");
            }
            if (zeroArea(lons[r], lats[r])) {
                throw new IllegalArgumentException(what + " encloses no area");
            }
        }
        return new ZonePolygon(name, lons, lats);
    }

    /**
     * Shoelace area is zero for collinear or repeated positions: such a ring can contain no point.
     */
    private static boolean zeroArea(double[] xs, double[] ys) {
        double twiceArea = 0;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            twiceArea += (xs[j] - xs[i]) * (ys[j] + ys[i]);
        }
        return Math.abs(twiceArea) < 1e-18;
    }

    private static void requireNonEmptyArray(JsonNode node, String what) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty array");
        }
    }
}
