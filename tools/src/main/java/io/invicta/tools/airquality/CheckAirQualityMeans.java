package io.invicta.tools.airquality;

import io.invicta.tools.influx.InfluxMixin;

import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Reads the per-minute means back from InfluxDB and compares them with an expected CSV (as written
 * by {@link ProduceAirQuality}), polling until they all match or the timeout passes. Prints the
 * result table. Exit code 0 when every expected mean is stored with the expected count, 1
 * otherwise.
 */
@Command(
        name = "check-air-quality-means",
        mixinStandardHelpOptions = true,
        description = "Check the air_quality_1m means in InfluxDB against an expected CSV.")
public final class CheckAirQualityMeans implements Callable<Integer> {

    @Mixin InfluxMixin server;

    @Option(
            names = "--database",
            defaultValue = "invicta",
            description = "Database (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--expected", required = true, description = "CSV of expected means.")
    Path expected;

    @Option(
            names = "--count-sensors",
            description =
                    "Also wait for --count points of the sensors matching this regex (e.g. replayed"
                            + " data).")
    String countSensors;

    @Option(
            names = "--count",
            defaultValue = "0",
            description = "Points of --count-sensors to wait for (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(
            names = "--timeout",
            defaultValue = "PT2M",
            description = "How long to wait for the results (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--show",
            defaultValue = "12",
            description = "Rows of the result table to print (default: ${DEFAULT-VALUE}).")
    int show;

    private record Row(String sensor, String pollutant, long windowStart, long count, double mean) {
        String key() {
            return sensor + "," + pollutant + "," + windowStart;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckAirQualityMeans()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Row> wanted = readExpected();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems;
        Map<String, Row> stored;
        try (InfluxDB influx = server.connect()) {
            while (true) {
                stored = query(influx);
                problems = compare(wanted, stored);
                if (problems.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(
                        500); // polling an external system from a CLI, not test synchronisation
            }
        }
        printTable(stored);
        if (!problems.isEmpty()) {
            System.out.printf(
                    "FAILED: %d of %d expected means missing or wrong after %s, e.g.:%n",
                    problems.size(), wanted.size(), timeout);
            problems.stream().limit(10).forEach(p -> System.out.println("  " + p));
            return 1;
        }
        System.out.printf(
                "OK: all %d expected per-minute means are in InfluxDB (%s, database %s)%s%n",
                wanted.size(),
                server.url,
                database,
                countSensors == null
                        ? ""
                        : ", and " + count + " points of sensors matching " + countSensors);
        return 0;
    }

    private Map<String, Row> readExpected() throws Exception {
        Map<String, Row> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(expected, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Row row =
                    new Row(
                            f[0],
                            f[1],
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]),
                            Double.parseDouble(f[4]));
            rows.put(row.key(), row);
        }
        return rows;
    }

    private Map<String, Row> query(InfluxDB influx) {
        QueryResult result =
                influx.query(
                        new Query(
                                "SELECT \"count\", \"mean\" FROM air_quality_1m GROUP BY sensor,"
                                        + " pollutant",
                                database),
                        TimeUnit.MILLISECONDS);
        Map<String, Row> rows = new HashMap<>();
        if (result.hasError() || result.getResults() == null) {
            return rows;
        }
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : r.getSeries()) {
                for (List<Object> v : series.getValues()) {
                    Row row =
                            new Row(
                                    series.getTags().get("sensor"),
                                    series.getTags().get("pollutant"),
                                    ((Number) v.get(0)).longValue(),
                                    ((Number) v.get(1)).longValue(),
                                    ((Number) v.get(2)).doubleValue());
                    rows.put(row.key(), row);
                }
            }
        }
        return rows;
    }

    private List<String> compare(Map<String, Row> wanted, Map<String, Row> stored) {
        List<String> problems = new ArrayList<>();
        if (countSensors != null) {
            long n = stored.values().stream().filter(r -> r.sensor().matches(countSensors)).count();
            if (n < count) {
                problems.add(
                        "only "
                                + n
                                + " of "
                                + count
                                + " points of sensors matching "
                                + countSensors);
            }
        }
        for (Row want : wanted.values()) {
            Row got = stored.get(want.key());
            if (got == null) {
                problems.add("missing " + want);
            } else if (got.count() != want.count()
                    || Math.abs(got.mean() - want.mean())
                            > 1e-9 * Math.max(1, Math.abs(want.mean()))) {
                problems.add("expected " + want + " but stored " + got);
            }
        }
        return problems;
    }

    private void printTable(Map<String, Row> stored) {
        List<Row> rows = new ArrayList<>(stored.values());
        if (countSensors != null) {
            // Show the replayed sensors first: they are the real data.
            rows.removeIf(r -> !r.sensor().matches(countSensors));
        }
        rows.sort(
                (a, b) ->
                        a.windowStart() != b.windowStart()
                                ? Long.compare(a.windowStart(), b.windowStart())
                                : a.key().compareTo(b.key()));
        System.out.printf(
                "air_quality_1m in %s (database %s): %d points%s%n",
                server.url,
                database,
                rows.size(),
                countSensors == null ? "" : " of sensors matching " + countSensors);
        System.out.printf(
                "%-22s %-14s %-10s %6s %10s%n",
                "window start (UTC)", "sensor", "pollutant", "count", "mean");
        rows.stream()
                .limit(show)
                .forEach(
                        r ->
                                System.out.printf(
                                        "%-22s %-14s %-10s %6d %10.3f%n",
                                        Instant.ofEpochMilli(r.windowStart()),
                                        r.sensor(),
                                        r.pollutant(),
                                        r.count(),
                                        r.mean()));
        if (rows.size() > show) {
            System.out.printf("... %d more%n", rows.size() - show);
        }
    }
}
