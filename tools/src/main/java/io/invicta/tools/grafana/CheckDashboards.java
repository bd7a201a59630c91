package io.invicta.tools.grafana;

import io.invicta.tools.catalogue.Catalogue;
import io.invicta.tools.city.InfluxQuery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Checks the Grafana dashboards: the {@link DashboardRules} always; with {@code --database}, also
 * every panel query against a database the real jobs wrote, its variables filled from their own
 * queries and the time filter set to {@code --from}..{@code --to}: each must return at least one
 * series with a value. Prints what each panel returned (series, a value) and exits 0 only when
 * nothing is off.
 */
@Command(
        name = "check-dashboards",
        mixinStandardHelpOptions = true,
        description = "Check the Grafana dashboards, and their queries against a database.")
public final class CheckDashboards implements Callable<Integer> {

    @Option(names = "--grafana", description = "The grafana/ folder (default: the repository's).")
    Path grafana = Path.of("grafana");

    @Option(names = "--catalogue", description = "The measurement catalogue.")
    Path catalogue = Catalogue.SHIPPED;

    @Option(names = "--influx", defaultValue = "http://127.0.0.1:8086", description = "InfluxDB.")
    String url;

    @Option(names = "--database", description = "Run every query against this database.")
    String database;

    @Option(names = "--from", description = "Start of the data (RFC 3339) for $timeFilter.")
    String from;

    @Option(names = "--to", description = "End of the data (RFC 3339) for $timeFilter.")
    String to;

    @Option(
            names = "--absent",
            split = ",",
            description = "Measurements the input cannot produce: their panels are not run.")
    Set<String> absent = new TreeSet<>();

    @Override
    public Integer call() throws Exception {
        Catalogue c = Catalogue.read(catalogue);
        Set<String> datasources =
                provisionedDatasources(grafana.resolve("provisioning/datasources"));
        List<String> problems = new ArrayList<>();
        List<Dashboard> dashboards = dashboards(grafana.resolve("dashboards"));
        for (Dashboard d : dashboards) {
            problems.addAll(DashboardRules.check(d, datasources, c));
        }
        if (database != null) {
            try (InfluxDB influx = InfluxDBFactory.connect(url)) {
                for (Dashboard d : dashboards) {
                    problems.addAll(live(influx, d, c));
                }
            }
        }
        problems.forEach(p -> System.out.println("PROBLEM " + p));
        System.out.printf(
                "%s: %d dashboards, %d problems%n",
                problems.isEmpty() ? "DASHBOARDS OK" : "DASHBOARDS NOT OK",
                dashboards.size(),
                problems.size());
        return problems.isEmpty() ? 0 : 1;
    }

    static List<Dashboard> dashboards(Path dir) throws IOException {
        List<Dashboard> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(Dashboard.read(f));
            }
        }
        return out;
    }

    /** The uids of the datasources the provisioning files declare. */
    static Set<String> provisionedDatasources(Path dir) throws IOException {
        Set<String> uids = new TreeSet<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (JsonNode ds : yaml.readTree(f.toFile()).path("datasources")) {
                    uids.add(ds.path("uid").asText());
                }
            }
        }
        return uids;
    }

    /**
     * Runs the dashboard's variables, then its panels' queries; a panel without data is a problem.
     */
    private List<String> live(InfluxDB influx, Dashboard d, Catalogue c) {
        List<String> out = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> chosen = new HashMap<>();
        for (Dashboard.Variable v : d.variables()) {
            if (v.query() == null) {
                continue;
            }
            List<String> found = new ArrayList<>();
            for (List<Object> row :
                    InfluxQuery.rows(influx, database, fill(v.query(), values, chosen, null))) {
                found.add(String.valueOf(row.get(row.size() - 1)));
            }
            if (found.isEmpty()) {
                out.add(d.title() + ": variable $" + v.name() + " has no value");
                found.add("none");
            }
            values.put(v.name(), found);
            chosen.put(v.name(), found.contains(v.current()) ? v.current() : found.get(0));
        }
        for (Dashboard.Panel p : d.panels()) {
            for (Dashboard.Query q : p.queries()) {
                InfluxQl parsed = InfluxQl.parse(q.text());
                String measurement = parsed.measurement();
                if (measurement != null && absent.contains(measurement)) {
                    System.out.printf(
                            "%-22s | %-55s | not run: the input has no %s%n",
                            d.uid(), p.title(), measurement);
                    continue;
                }
                String run = fill(q.text(), values, chosen, p.timeFrom());
                Result r = run(influx, run);
                if (r.series() == 0
                        && onlyOptionalFields(c.measurements().get(measurement), parsed)) {
                    System.out.printf(
                            "%-22s | %-55s | no data: its fields are optional, this input has"
                                    + " none%n",
                            d.uid(), p.title());
                    continue;
                }
                System.out.printf(
                        "%-22s | %-55s | %d series, e.g. %s%n",
                        d.uid(), p.title(), r.series(), r.example());
                if (r.series() == 0) {
                    out.add(d.title() + ": panel '" + p.title() + "' returned nothing: " + run);
                }
            }
        }
        return out;
    }

    /**
     * The query as Grafana would send it: multi-value variables in regex filters as an alternation
     * of all their values, others as the chosen value, the time filter and interval filled in.
     */
    String fill(
            String query,
            Map<String, List<String>> values,
            Map<String, String> chosen,
            String timeFrom) {
        // A panel with its own relative time range looks back that far from the end, as in Grafana.
        String start = timeFrom == null ? "'" + from + "'" : "'" + to + "' - " + days(timeFrom);
        String q =
                query.replace("$timeFilter", "time >= " + start + " AND time < '" + to + "'")
                        .replace("$__interval", "1m");
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String all =
                    "("
                            + String.join(
                                    "|",
                                    e.getValue().stream().map(CheckDashboards::regexQuote).toList())
                            + ")";
            q = q.replace("/^$" + e.getKey() + "$/", "/^" + all + "$/");
            // $zone, not the start of $zone_type
            q =
                    q.replaceAll(
                            "\\$" + e.getKey() + "\\b",
                            Matcher.quoteReplacement(chosen.get(e.getKey())));
        }
        return q;
    }

    /** Grafana's {@code 1y}, {@code 30d}, {@code 6h} as an InfluxQL duration. */
    static String days(String relative) {
        return relative.endsWith("y")
                ? Integer.parseInt(relative.substring(0, relative.length() - 1)) * 365 + "d"
                : relative;
    }

    /** Whether the query reads fields, and only fields the catalogue calls optional. */
    private static boolean onlyOptionalFields(Catalogue.Measurement m, InfluxQl query) {
        if (m == null) {
            return false;
        }
        List<Catalogue.Field> fields =
                query.names().stream().map(m.fields()::get).filter(f -> f != null).toList();
        return !fields.isEmpty() && fields.stream().allMatch(Catalogue.Field::isOptional);
    }

    private static String regexQuote(String value) {
        return value.replaceAll("([\\\\.^$|?*+()\\[\\]{}/])", "\\\\$1");
    }

    /** How many series had a value, and one of those values. */
    private record Result(int series, String example) {}

    private Result run(InfluxDB influx, String q) {
        QueryResult result = influx.query(new Query(q, database));
        int series = 0;
        String example = "-";
        for (QueryResult.Result r : result.getResults()) {
            if (r.getError() != null) {
                throw new IllegalStateException(q + ": " + r.getError());
            }
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                String value = firstValue(s);
                if (value != null) {
                    series++;
                    if (example.equals("-")) {
                        example =
                                (s.getTags() == null ? "" : s.getTags() + " ")
                                        + s.getColumns().get(1)
                                        + "="
                                        + value;
                    }
                }
            }
        }
        return new Result(series, example);
    }

    private static String firstValue(QueryResult.Series s) {
        for (List<Object> row : s.getValues()) {
            for (int i = 1; i < row.size(); i++) {
                if (row.get(i) != null) {
                    return String.valueOf(row.get(i));
                }
            }
        }
        return null;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckDashboards()).execute(args));
    }
}
