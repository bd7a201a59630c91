package io.invicta.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The European Air Quality Index of the European Environment Agency (EEA): six bands per pollutant,
 * the overall index being the worst band of any pollutant.
 *
 * <p>The band table is data, not code: {@link #shipped()} reads {@code eaqi-bands.properties}
 * (beside this class; its comments cite the source and the boundary convention), and a revised EEA
 * table is a file of the same format given to {@link #read}. A value on a band limit belongs to the
 * lower band: each band includes its upper limit.
 */
public final class Eaqi implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The six bands, in increasing order of concern. */
    public enum Band {
        GOOD,
        FAIR,
        MODERATE,
        POOR,
        VERY_POOR,
        EXTREMELY_POOR;

        /** 1 (good) to 6 (extremely poor), as the EEA numbers them. */
        public int level() {
            return ordinal() + 1;
        }
    }

    /** The pollutants of the index and the averaging period their thresholds apply to. */
    public enum Pollutant {
        PM25(24),
        PM10(24),
        NO2(1),
        O3(1),
        SO2(1);

        private final int averagingHours;

        Pollutant(int averagingHours) {
            this.averagingHours = averagingHours;
        }

        /** 1 for hourly means, 24 for 24-hour running means. */
        public int averagingHours() {
            return averagingHours;
        }
    }

    /**
     * The overall index of a station: the worst band, and the pollutant that set it (first in enum
     * order on ties).
     */
    public record Overall(Band band, Pollutant dominant) {}

    private static final Band[] BANDS = Band.values();
    private static final String SHIPPED = "eaqi-bands.properties";

    private static final class Shipped {
        static final Eaqi TABLE = load(SHIPPED);
    }

    private final String version;

    /**
     * Upper limits (inclusive) of GOOD..VERY_POOR per pollutant; above the last: EXTREMELY_POOR.
     */
    private final EnumMap<Pollutant, double[]> upperLimits;

    private Eaqi(String version, EnumMap<Pollutant, double[]> upperLimits) {
        this.version = version;
        this.upperLimits = upperLimits;
    }

    /** The table shipped with this build. */
    public static Eaqi shipped() {
        return Shipped.TABLE;
    }

    /**
     * A table from a file in the format of the shipped one; refuses an incomplete or unordered
     * table.
     */
    public static Eaqi read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the EAQI table " + file, e);
        }
    }

    private static Eaqi load(String resource) {
        try (InputStream in = Eaqi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "the shipped table");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Eaqi parse(Reader reader, String where) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        String version = p.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException(where + ": no 'version'");
        }
        EnumMap<Pollutant, double[]> limits = new EnumMap<>(Pollutant.class);
        for (Pollutant pollutant : Pollutant.values()) {
            String line = p.getProperty(pollutant.name());
            if (line == null) {
                throw new IllegalArgumentException(where + ": no limits for " + pollutant);
            }
            double[] values =
                    Arrays.stream(line.split(","))
                            .mapToDouble(s -> Double.parseDouble(s.trim()))
                            .toArray();
            if (values.length != BANDS.length - 1) {
                throw new IllegalArgumentException(
                        where
                                + ": "
                                + pollutant
                                + " needs "
                                + (BANDS.length - 1)
                                + " upper limits (GOOD..VERY_POOR), has "
                                + values.length);
            }
            for (int i = 1; i < values.length; i++) {
                if (!(values[i] > values[i - 1])) {
                    throw new IllegalArgumentException(
                            where + ": the limits of " + pollutant + " must increase");
                }
            }
            limits.put(pollutant, values);
        }
        return new Eaqi(version.trim(), limits);
    }

    /** The table's version, e.g. {@code EEA-2021}. */
    public String version() {
        return version;
    }

    /** The upper limits (inclusive) of GOOD..VERY_POOR for {@code pollutant}. */
    public double[] upperLimits(Pollutant pollutant) {
        return upperLimits.get(pollutant).clone();
    }

    /**
     * The band of a concentration (µg/m³, averaged as {@link Pollutant#averagingHours()} says); a
     * value on a limit belongs to the lower band (PM2.5: 10 is GOOD, 10.1 FAIR).
     */
    public Band bandOf(Pollutant pollutant, double concentration) {
        if (!(concentration >= 0)) {
            throw new IllegalArgumentException(
                    "Concentration must be a non-negative number, got " + concentration);
        }
        double[] limits = upperLimits.get(pollutant);
        for (int i = 0; i < limits.length; i++) {
            if (concentration <= limits[i]) {
                return BANDS[i];
            }
        }
        return Band.EXTREMELY_POOR;
    }

    /**
     * The overall index from the concentrations available (missing pollutants are not considered).
     */
    public Overall overallOf(Map<Pollutant, Double> concentrations) {
        Band worst = null;
        Pollutant dominant = null;
        for (Pollutant p : Pollutant.values()) {
            Double c = concentrations.get(p);
            if (c == null) {
                continue;
            }
            Band b = bandOf(p, c);
            if (worst == null || b.compareTo(worst) > 0) {
                worst = b;
                dominant = p;
            }
        }
        if (worst == null) {
            throw new IllegalArgumentException("No concentration of an index pollutant given");
        }
        return new Overall(worst, dominant);
    }

    /** {@link #bandOf} with the shipped table. */
    public static Band band(Pollutant pollutant, double concentration) {
        return shipped().bandOf(pollutant, concentration);
    }

    /** {@link #overallOf} with the shipped table. */
    public static Overall overall(Map<Pollutant, Double> concentrations) {
        return shipped().overallOf(concentrations);
    }
}
