package io.invicta.tools.generate;

/**
 * The city box and its zones. Porto is approximated by lat 41.14–41.18, lon −8.69 to −8.55, cut
 * into a 4 × 2 grid whose cells carry the name of the parish (or area) that covers most of them:
 *
 * <pre>
 *              lon −8.69 … −8.655 … −8.62 … −8.585 … −8.55
 * lat 41.16–41.18   Ramalde  | Cedofeita       | Paranhos | Campanhã
 * lat 41.14–41.16   Foz      | Lordelo do Ouro | Baixa    | Bonfim
 * </pre>
 *
 * It is a simple, documented approximation (real parish borders are not rectangles), good enough to
 * group sensors into zones that behave differently (centre, residential, coastal).
 */
final class PortoZones {

    static final double LAT_MIN = 41.14;
    static final double LAT_MAX = 41.18;
    static final double LON_MIN = -8.69;
    static final double LON_MAX = -8.55;

    /** Zone names, index = row * 4 + column (row 0 = south). */
    static final String[] NAMES = {
        "Foz", "Lordelo do Ouro", "Baixa", "Bonfim",
        "Ramalde", "Cedofeita", "Paranhos", "Campanhã",
    };

    /**
     * How a zone behaves: the centre fills with people in the day, residential areas empty, the
     * coast is windy.
     */
    enum Kind {
        CENTRE,
        RESIDENTIAL,
        COASTAL
    }

    private static final Kind[] KINDS = {
        Kind.COASTAL, Kind.COASTAL, Kind.CENTRE, Kind.CENTRE,
        Kind.RESIDENTIAL, Kind.CENTRE, Kind.RESIDENTIAL, Kind.RESIDENTIAL,
    };

    private static final int COLUMNS = 4;
    private static final int ROWS = 2;

    private PortoZones() {}

    /** The zone index of a point; points outside the box are clamped to the nearest cell. */
    static int zoneOf(double lat, double lon) {
        int col = (int) ((lon - LON_MIN) / (LON_MAX - LON_MIN) * COLUMNS);
        int row = (int) ((lat - LAT_MIN) / (LAT_MAX - LAT_MIN) * ROWS);
        col = Math.max(0, Math.min(COLUMNS - 1, col));
        row = Math.max(0, Math.min(ROWS - 1, row));
        return row * COLUMNS + col;
    }

    static Kind kind(int zone) {
        return KINDS[zone];
    }

    static int indexOf(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "unknown zone '" + name + "', one of " + String.join(", ", NAMES));
    }

    static boolean inside(double lat, double lon) {
        return lat >= LAT_MIN && lat <= LAT_MAX && lon >= LON_MIN && lon <= LON_MAX;
    }
}
