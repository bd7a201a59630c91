package io.invicta.tools.grafana;

import io.invicta.tools.catalogue.Catalogue;
import io.invicta.tools.city.InfluxQuery;
import io.invicta.tools.influx.InfluxMixin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Checks the Grafana dashboards: the {@link DashboardRules} always; with {@code --database} (the
 * city's) and {@code --metrics-database} (the pipeline's), also every panel query against databases
 * the real jobs and Flink's metrics reporter wrote, its variables filled from their own queries and
 * the time filter set to the data's range: each must return at least one series with a value.
 * Prints what each panel returned (series, a value) and exits 0 only when nothing is off.
 */
@Command(
        name = "check-dashboards",
        mixinStandardHelpOptions = true,
        description = "Check the Grafana dashboards, and their queries against a database.")
public final class CheckDashboards implements Callable<Integer> {

    @Option(names = "--grafana", description = "The grafana/ folder (default: the repository's).")
    Path grafana = Path.of("grafana");

    @Option(names = "--catalogue", description = "The city's measurement catalogue.")
    Path catalogue = Catalogue.SHIPPED;

    @Option(names = "--pipeline-catalogue", description = "The pipeline metrics' catalogue.")
    Path pipelineCatalogue = Catalogue.PIPELINE;

    @Mixin InfluxMixin server;

    @Option(
            names = "--database",
            description = "Run the city datasource's queries against this database.")
    String database;

    @Option(names = "--from", description = "Start of the city's data (RFC 3339) for $timeFilter.")
    String from;

    @Option(names = "--to", description = "End of the city's data (RFC 3339) for $timeFilter.")
    String to;

    @Option(
            names = "--metrics-database",
            description =
                    "Run the pipeline datasource's queries against this database (Flink's metrics"
                            + " reporter).")
    String metricsDatabase;

    @Option(
            names = "--metrics-from",
            description = "Start of the metrics (RFC 3339; default: an hour before --metrics-to).")
    String metricsFrom;

    @Option(names = "--metrics-to", description = "End of the metrics (RFC 3339; default: now).")
    String metricsTo;

    @Option(
            names = "--absent",
            split = ",",
            description = "Measurements the input cannot produce: their panels are not run.")
    Set<String> absent = new TreeSet<>();

    /** Where one datasource's queries run: database, time range, and its catalogue. */
    private record Target(String database, String from, String to, Catalogue catalogue) {}

    @Override
    public Integer call() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Catalogue> catalogues = new TreeMap<>();
        for (String uid : provisionedDatasources(grafana.resolve("provisioning/datasources"))) {
            Optional<Datasource> known = Datasource.of(uid);
            if (known.isEmpty()) {
                problems.add("provisioned datasource " + uid + " has no catalogue");
                continue;
            }
            catalogues.put(
                    uid,
                    Catalogue.read(known.get() == Datasource.CITY ? catalogue : pipelineCatalogue));
        }
        List<Dashboard> dashboards = dashboards(grafana.resolve("dashboards"));
        for (Dashboard d : dashboards) {
            problems.addAll(DashboardRules.check(d, catalogues));
        }
        if (database != null || metricsDatabase != null) {
            Map<String, Target> targets = targets(catalogues);
            try (InfluxDB influx = server.connect()) {
                for (Dashboard d : dashboards) {
                    problems.addAll(live(influx, d, targets));
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

    private Map<String, Target> targets(Map<String, Catalogue> catalogues) {
        Map<String, Target> targets = new HashMap<>();
        if (database != null) {
            targets.put(
                    Datasource.CITY.uid,
                    new Target(database, from, to, catalogues.get(Datasource.CITY.uid)));
        }
        if (metricsDatabase != null) {
            Instant end = metricsTo == null ? Instant.now() : Instant.parse(metricsTo);
            Instant start =
                    metricsFrom == null
                            ? end.minus(Duration.ofHours(1))
                            : Instant.parse(metricsFrom);
            targets.put(
                    Datasource.PIPELINE.uid,
                    new Target(
                            metricsDatabase,
                            start.toString(),
                            end.toString(),
                            catalogues.get(Datasource.PIPELINE.uid)));
        }
        return targets;
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
     * Runs the dashboard's variables, then its panels' queries, each against its datasource's
     * database; a panel without data is a problem, a query of a datasource without a database is
     * not run.
     */
    private List<String> live(InfluxDB influx, Dashboard d, Map<String, Target> targets) {
        List<String> out = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> chosen = new HashMap<>();
        for (Dashboard.Variable v : d.variables()) {
            Target t = targets.get(v.datasource());
            if (v.query() == null || t == null) {
                continue;
            }
            List<String> found = new ArrayList<>();
            for (List<Object> row :
                    InfluxQuery.rows(
                            influx, t.database(), fill(v.query(), values, chosen, t, null))) {
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
                Target t = targets.get(q.datasource());
                InfluxQl parsed = InfluxQl.parse(q.text());
                String measurement = parsed.measurement();
                if (t == null) {
                    System.out.printf(
                            "%-22s | %-55s | not run: no database for %s%n",
                            d.uid(), p.title(), q.datasource());
                    continue;
                }
                if (measurement != null && absent.contains(measurement)) {
                    System.out.printf(
                            "%-22s | %-55s | not run: the input has no %s%n",
                            d.uid(), p.title(), measurement);
                    continue;
                }
                String run = fill(q.text(), values, chosen, t, p.timeFrom());
                Result r = run(influx, t.database(), run);
                if (r.series() == 0
                        && onlyOptionalFields(
                                t.catalogue().measurements().get(measurement), parsed)) {
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
    static String fill(
            String query,
            Map<String, List<String>> values,
            Map<String, String> chosen,
            String from,
            String to,
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

    private static String fill(
            String query,
            Map<String, List<String>> values,
            Map<String, String> chosen,
            Target t,
            String timeFrom) {
        return fill(query, values, chosen, t.from(), t.to(), timeFrom);
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

    private static Result run(InfluxDB influx, String database, String q) {
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

    /** A value of the series: the first that is not zero (more telling), else the first. */
    private static String firstValue(QueryResult.Series s) {
        String first = null;
        for (List<Object> row : s.getValues()) {
            for (int i = 1; i < row.size(); i++) {
                Object v = row.get(i);
                if (v == null) {
                    continue;
                }
                if (!(v instanceof Number n) || n.doubleValue() != 0) {
                    return String.valueOf(v);
                }
                if (first == null) {
                    first = String.valueOf(v);
                }
            }
        }
        return first;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckDashboards()).execute(args));
    }
}
