package io.invicta.domain;

/** Distances on the Earth and geohash cells, for vehicle speeds and zones. */
public final class Geo {

    /** Mean Earth radius (IUGG), metres. */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();

    private Geo() {}

    /** Great-circle distance in metres between two WGS84 points (haversine). */
    public static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dLat / 2) * Math.sin(dLat / 2)
                        + Math.cos(Math.toRadians(lat1))
                                * Math.cos(Math.toRadians(lat2))
                                * Math.sin(dLon / 2)
                                * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The geohash of a point with {@code precision} characters (6 ≈ 1.2 km × 0.6 km cells). */
    public static String geohash(double lat, double lon, int precision) {
        if (precision < 1 || precision > 12) {
            throw new IllegalArgumentException("Geohash precision must be 1..12, got " + precision);
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("Not a WGS84 point: " + lat + ", " + lon);
        }
        double latLo = -90, latHi = 90, lonLo = -180, lonHi = 180;
        char[] hash = new char[precision];
        boolean evenBit = true;
        for (int c = 0; c < precision; c++) {
            int index = 0;
            for (int bit = 0; bit < 5; bit++) {
                if (evenBit) {
                    double mid = (lonLo + lonHi) / 2;
                    if (lon >= mid) {
                        index = index * 2 + 1;
                        lonLo = mid;
                    } else {
                        index = index * 2;
                        lonHi = mid;
                    }
                } else {
                    double mid = (latLo + latHi) / 2;
                    if (lat >= mid) {
                        index = index * 2 + 1;
                        latLo = mid;
                    } else {
                        index = index * 2;
                        latHi = mid;
                    }
                }
                evenBit = !evenBit;
            }
            hash[c] = BASE32[index];
        }
        return new String(hash);
    }
}
