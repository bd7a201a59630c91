package io.invicta.tools.city;

import io.invicta.tools.influx.InfluxMixin;

import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Compares two InfluxDB databases point by point, as the upgrade and rescale drill needs: every
 * point is identified by measurement, tags and timestamp, and its fields must be equal to the last
 * bit (InfluxDB prints floats in their shortest exact form, which parses back to the same double).
 * Prints per measurement the points of each side and how many are missing, extra or different, the
 * first differences, and exits 0 only when there are none.
 */
@Command(
        name = "compare-points",
        mixinStandardHelpOptions = true,
        description = "Compare two InfluxDB databases point by point (exact values).")
public final class ComparePoints implements Callable<Integer> {

    @Mixin InfluxMixin server;

    @Option(names = "--expected", required = true, description = "The reference database.")
    String expected;

    @Option(names = "--actual", required = true, description = "The database to check.")
    String actual;

    @Option(
            names = "--alerts-after",
            description =
                    "Compare only the alerts points after this instant (epoch ms): those of a rule"
                            + " set reloaded then.")
    Long alertsAfter;

    @Option(
            names = "--show",
            defaultValue = "10",
            description = "How many differences to print (default ${DEFAULT-VALUE}).")
    int show;

    /** The counts of one comparison (of points here, of alerts in {@link CompareAlerts}). */
    record Counts(long expected, long actual, long missing, long extra, long different) {
        boolean same() {
            return missing == 0 && extra == 0 && different == 0;
        }
    }

    @Override
    public Integer call() {
        try (InfluxDB influx = server.connect()) {
            Set<String> measurements = new TreeSet<>(InfluxQuery.measurements(influx, expected));
            measurements.addAll(InfluxQuery.measurements(influx, actual));
            long missing = 0;
            long extra = 0;
            long different = 0;
            long points = 0;
            List<String> examples = new ArrayList<>();
            System.out.printf(
                    "%-28s %10s %10s %8s %8s %10s%n",
                    "MEASUREMENT", expected, actual, "MISSING", "EXTRA", "DIFFERENT");
            for (String m : measurements) {
                Set<String> tags = new TreeSet<>(InfluxQuery.tagKeys(influx, expected, m));
                tags.addAll(InfluxQuery.tagKeys(influx, actual, m));
                String where =
                        alertsAfter != null && m.equals("alerts")
                                ? " WHERE time > " + alertsAfter + "ms"
                                : "";
                Map<String, Map<String, Object>> want = points(influx, expected, m, tags, where);
                Map<String, Map<String, Object>> got = points(influx, actual, m, tags, where);
                Counts c = compare(want, got, m, examples);
                System.out.printf(
                        "%-28s %10d %10d %8d %8d %10d%n",
                        m, c.expected(), c.actual(), c.missing(), c.extra(), c.different());
                missing += c.missing();
                extra += c.extra();
                different += c.different();
                points += c.expected();
            }
            examples.stream().limit(show).forEach(System.out::println);
            System.out.printf(
                    "%s: %d points expected; %d missing, %d extra, %d different%n",
                    missing + extra + different == 0 ? "SAME" : "DIFFERENT",
                    points,
                    missing,
                    extra,
                    different);
            return missing + extra + different == 0 ? 0 : 1;
        }
    }

    /**
     * Compares the points of one measurement, adding descriptions of differences to {@code out}.
     */
    static Counts compare(
            Map<String, Map<String, Object>> want,
            Map<String, Map<String, Object>> got,
            String measurement,
            List<String> out) {
        long missing = 0;
        long different = 0;
        for (Map.Entry<String, Map<String, Object>> e : want.entrySet()) {
            Map<String, Object> other = got.get(e.getKey());
            if (other == null) {
                missing++;
                out.add("missing   " + measurement + " " + e.getKey() + " " + e.getValue());
            } else if (!Objects.equals(e.getValue(), other)) {
                different++;
                out.add(
                        "different "
                                + measurement
                                + " "
                                + e.getKey()
                                + " expected "
                                + e.getValue()
                                + " got "
                                + other);
            }
        }
        long extra = 0;
        for (Map.Entry<String, Map<String, Object>> e : got.entrySet()) {
            if (!want.containsKey(e.getKey())) {
                extra++;
                out.add("extra     " + measurement + " " + e.getKey() + " " + e.getValue());
            }
        }
        return new Counts(want.size(), got.size(), missing, extra, different);
    }

    /** Identity (time and tags) → fields, of every point of a measurement. */
    private static Map<String, Map<String, Object>> points(
            InfluxDB influx, String db, String measurement, Set<String> tags, String where) {
        Map<String, Map<String, Object>> points = new HashMap<>();
        QueryResult result =
                influx.query(
                        new Query("SELECT * FROM \"" + measurement + "\"" + where, db),
                        TimeUnit.MILLISECONDS);
        for (QueryResult.Result r : result.getResults()) {
            if (r.getError() != null) {
                throw new IllegalStateException(db + "." + measurement + ": " + r.getError());
            }
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                List<String> columns = s.getColumns();
                for (List<Object> row : s.getValues()) {
                    Map<String, Object> identity = new TreeMap<>();
                    Map<String, Object> fields = new TreeMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        String column = columns.get(i);
                        Object value = row.get(i);
                        if (column.equals("time") || tags.contains(column)) {
                            identity.put(
                                    column,
                                    value instanceof Double d && column.equals("time")
                                            ? (Object) d.longValue()
                                            : value);
                        } else if (value != null) {
                            fields.put(column, value);
                        }
                    }
                    points.put(identity.toString(), fields);
                }
            }
        }
        return points;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ComparePoints()).execute(args));
    }
}
