package io.invicta.jobs.zones;

import io.invicta.domain.Geo;
import io.invicta.domain.GeoJsonZones;
import io.invicta.domain.ZoneIndex;

import org.apache.flink.configuration.ReadableConfig;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The one place that decides an observation's {@code zone} tag, for every metrics job: the name of
 * the {@code zones.geojson-file} polygon containing the point when a file is configured (points
 * outside every polygon get {@code zones.outside}), else the point's geohash cell of {@code
 * zones.geohash-precision}.
 *
 * <p>Serializable: the polygons travel with the job graph, so task managers need no copy of the
 * file. Each operator that resolves zones carries one copy; the jobs resolve a record's zone once,
 * in one operator.
 */
public final class ZoneResolver implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The {@code zones.outside} value that selects the geohash cell instead of a fixed name. */
    public static final String GEOHASH = "geohash";

    private final int geohashPrecision;

    /** Null without a GeoJSON file. */
    private final ZoneIndex polygons;

    /** Zone of points outside every polygon; null for their geohash cell. */
    private final String outside;

    private ZoneResolver(int geohashPrecision, ZoneIndex polygons, String outside) {
        Geo.geohash(
                0,
                0,
                geohashPrecision); // throws on a precision outside 1..12, before the job starts
        this.geohashPrecision = geohashPrecision;
        this.polygons = polygons;
        this.outside = outside;
    }

    /** Geohash cells only. */
    public static ZoneResolver geohash(int precision) {
        return new ZoneResolver(precision, null, null);
    }

    /** Named polygons; {@code outside} is a fixed zone name or {@link #GEOHASH}. */
    public static ZoneResolver polygons(ZoneIndex polygons, String outside, int geohashPrecision) {
        if (outside == null || outside.isBlank()) {
            throw new IllegalArgumentException(
                    ZoneOptions.ZONES_OUTSIDE.key() + " must not be blank");
        }
        return new ZoneResolver(
                geohashPrecision, polygons, GEOHASH.equals(outside.trim()) ? null : outside.trim());
    }

    /**
     * From the {@code zones.*} options; reads and validates the GeoJSON file when one is
     * configured.
     */
    public static ZoneResolver of(ReadableConfig config) {
        int precision = config.get(ZoneOptions.GEOHASH_PRECISION);
        String file = config.getOptional(ZoneOptions.ZONES_GEOJSON_FILE).orElse(null);
        if (file == null) {
            return geohash(precision);
        }
        ZoneIndex index;
        try {
            index =
                    GeoJsonZones.read(
                            Path.of(file), config.get(ZoneOptions.ZONES_GEOJSON_NAME_PROPERTY));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    ZoneOptions.ZONES_GEOJSON_FILE.key() + " " + e.getMessage(), e);
        }
        return polygons(index, config.get(ZoneOptions.ZONES_OUTSIDE), precision);
    }

    /** The zone of a point, ignoring any zone the observation names itself. */
    public String zoneOf(double lat, double lon) {
        if (polygons != null) {
            String name = polygons.zoneAt(lat, lon);
            if (name != null) {
                return name;
            }
            if (outside != null) {
                return outside;
            }
        }
        return Geo.geohash(lat, lon, geohashPrecision);
    }

    /** The observation's own zone when it names one, else the zone of its location. */
    public String zoneOf(CharSequence ownZone, double lat, double lon) {
        if (ownZone != null) {
            String own = ownZone.toString();
            if (!own.isBlank()) {
                return own;
            }
        }
        return zoneOf(lat, lon);
    }
}
