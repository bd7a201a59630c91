package io.invicta.jobs.zones;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The {@code zones.*} options: how {@link ZoneResolver} names the zone of an observation. */
public final class ZoneOptions {

    public static final ConfigOption<Integer> GEOHASH_PRECISION =
            ConfigOptions.key("zones.geohash-precision")
                    .intType()
                    .defaultValue(6)
                    .withDescription(
                            "Geohash length of the zone of observations that carry no zone (6 ≈ 1.2"
                                + " × 0.6 km), when no zones.geojson-file is given (or for points"
                                + " outside it with zones.outside: geohash).");

    public static final ConfigOption<String> ZONES_GEOJSON_FILE =
            ConfigOptions.key("zones.geojson-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Optional GeoJSON FeatureCollection of Polygon/MultiPolygon features"
                                + " (e.g. a city's parishes): an observation's zone is the name of"
                                + " the polygon containing it. Read and checked when the job is"
                                + " built, on the machine that submits it.");

    public static final ConfigOption<String> ZONES_GEOJSON_NAME_PROPERTY =
            ConfigOptions.key("zones.geojson-name-property")
                    .stringType()
                    .defaultValue("name")
                    .withDescription(
                            "The feature property holding the zone name in zones.geojson-file.");

    public static final ConfigOption<String> ZONES_OUTSIDE =
            ConfigOptions.key("zones.outside")
                    .stringType()
                    .defaultValue("outside")
                    .withDescription(
                            "Zone of a point outside every polygon of zones.geojson-file: this"
                                + " fixed name (one series, bounded cardinality), or 'geohash' for"
                                + " its geohash cell (zones.geohash-precision).");

    private ZoneOptions() {}
}
