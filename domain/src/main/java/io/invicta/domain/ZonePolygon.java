package io.invicta.domain;

import java.io.Serializable;

/**
 * One polygon of a named zone: an outer ring and optional holes, coordinates in degrees (WGS84, as
 * in GeoJSON). A point is inside when it is inside the outer ring and outside every hole.
 *
 * <p>Containment is the even-odd ray-casting test in the plane of longitude and latitude: at city
 * scale the difference from a geodesic test is far below any sensor's position error, and polygons
 * crossing the antimeridian are not supported. The crossing rule (an edge counts when exactly one
 * end is strictly above the point, and the crossing is strictly east of it) puts a point on an edge
 * shared by two adjacent polygons in exactly one of them, so a sensor on a parish border is never
 * counted twice nor dropped.
 */
public final class ZonePolygon implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;

    /** Ring 0 is the outer ring, the others are holes; each ring's longitudes and latitudes. */
    private final double[][] lons;

    private final double[][] lats;
    private final double minLon;
    private final double maxLon;
    private final double minLat;
    private final double maxLat;

    /**
     * @param lons longitudes of the rings (ring 0 outer, then holes), GeoJSON closed or not
     * @param lats latitudes of the same rings
     */
    public ZonePolygon(String name, double[][] lons, double[][] lats) {
        if (lons.length == 0 || lons.length != lats.length) {
            throw new IllegalArgumentException(
                    "A polygon needs an outer ring and as many latitude as longitude rings");
        }
        for (int r = 0; r < lons.length; r++) {
            if (lons[r].length != lats[r].length || lons[r].length < 3) {
                throw new IllegalArgumentException("Ring " + r + " needs at least 3 positions");
            }
        }
        this.name = name;
        this.lons = lons;
        this.lats = lats;
        this.minLon = min(lons[0]);
        this.maxLon = max(lons[0]);
        this.minLat = min(lats[0]);
        this.maxLat = max(lats[0]);
    }

    public String name() {
        return name;
    }

    public double minLon() {
        return minLon;
    }

    public double maxLon() {
        return maxLon;
    }

    public double minLat() {
        return minLat;
    }

    public double maxLat() {
        return maxLat;
    }

    /** Whether the point lies in the polygon (inside the outer ring, outside every hole). */
    public boolean contains(double lat, double lon) {
        // The bounding box rejects almost every candidate before the ray cast touches a vertex.
        if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon || !inRing(0, lat, lon)) {
            return false;
        }
        for (int hole = 1; hole < lons.length; hole++) {
            if (inRing(hole, lat, lon)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Even-odd ray casting eastwards from the point. A closing position equal to the first adds no
     * crossing.
     */
    private boolean inRing(int ring, double lat, double lon) {
        double[] xs = lons[ring];
        double[] ys = lats[ring];
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > lat) != (ys[j] > lat)
                    && lon < (xs[j] - xs[i]) * (lat - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
