package io.invicta.domain;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Named zone polygons with a uniform grid over their extent, so a lookup ray-casts only the few
 * polygons whose bounding box overlaps the point's grid cell, even with thousands of polygons.
 *
 * <p>Where polygons overlap, the first one in the given order wins, so the answer is deterministic.
 * Only the polygons are serialized with the job; the grid is rebuilt on the task managers after
 * deserialization.
 */
public final class ZoneIndex implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Grid side limit: 256 × 256 cells is plenty for a country's parishes and bounds the index
     * memory.
     */
    private static final int MAX_SIDE = 256;

    private final ZonePolygon[] polygons;
    private final double minLon;
    private final double minLat;
    private final double maxLon;
    private final double maxLat;

    private transient int side;
    private transient double cellWidth;
    private transient double cellHeight;

    /**
     * Per grid cell, the indexes of the polygons whose bounding box overlaps it, in ascending
     * (priority) order.
     */
    private transient int[][] cells;

    public ZoneIndex(List<ZonePolygon> polygons) {
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException("A zone index needs at least one polygon");
        }
        this.polygons = polygons.toArray(ZonePolygon[]::new);
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (ZonePolygon p : polygons) {
            x0 = Math.min(x0, p.minLon());
            y0 = Math.min(y0, p.minLat());
            x1 = Math.max(x1, p.maxLon());
            y1 = Math.max(y1, p.maxLat());
        }
        this.minLon = x0;
        this.minLat = y0;
        this.maxLon = x1;
        this.maxLat = y1;
        buildGrid();
    }

    /** The name of the first polygon containing the point, or null when no polygon does. */
    public String zoneAt(double lat, double lon) {
        if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon) {
            return null;
        }
        for (int i : cells[cell(lat, lon)]) {
            if (polygons[i].contains(lat, lon)) {
                return polygons[i].name();
            }
        }
        return null;
    }

    /** The zone names, in order of first appearance. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (ZonePolygon p : polygons) {
            names.add(p.name());
        }
        return names;
    }

    public int polygonCount() {
        return polygons.length;
    }

    private void buildGrid() {
        // About two polygons per cell on average: short candidate lists without a sparse, oversized
        // grid.
        side = (int) Math.max(1, Math.min(MAX_SIDE, Math.ceil(Math.sqrt(polygons.length / 2.0))));
        cellWidth = Math.max((maxLon - minLon) / side, Double.MIN_NORMAL);
        cellHeight = Math.max((maxLat - minLat) / side, Double.MIN_NORMAL);
        List<List<Integer>> lists = new ArrayList<>(side * side);
        for (int c = 0; c < side * side; c++) {
            lists.add(new ArrayList<>(2));
        }
        for (int i = 0; i < polygons.length; i++) {
            ZonePolygon p = polygons[i];
            int col0 = column(p.minLon()), col1 = column(p.maxLon());
            int row0 = row(p.minLat()), row1 = row(p.maxLat());
            for (int row = row0; row <= row1; row++) {
                for (int col = col0; col <= col1; col++) {
                    lists.get(row * side + col).add(i);
                }
            }
        }
        cells = new int[side * side][];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = lists.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int cell(double lat, double lon) {
        return row(lat) * side + column(lon);
    }

    private int column(double lon) {
        return Math.min(side - 1, Math.max(0, (int) ((lon - minLon) / cellWidth)));
    }

    private int row(double lat) {
        return Math.min(side - 1, Math.max(0, (int) ((lat - minLat) / cellHeight)));
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        buildGrid();
    }
}
