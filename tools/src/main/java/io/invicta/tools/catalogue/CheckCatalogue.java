package io.invicta.tools.catalogue;

import io.invicta.tools.city.InfluxQuery;
import io.invicta.tools.influx.InfluxMixin;

import org.influxdb.InfluxDB;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * Checks what a database holds against a measurement catalogue: every listed measurement must be
 * there (unless named with {@code --absent}: what the input cannot produce), each with every tag
 * and field the catalogue does not call optional, fields of their type; and, when the catalogue is
 * complete, every measurement, tag and field written must be listed. Exits 0 only when nothing is
 * off.
 */
@Command(
        name = "check-catalogue",
        mixinStandardHelpOptions = true,
        description = "Check a database's measurements, tags and fields against the catalogue.")
public final class CheckCatalogue implements Callable<Integer> {

    @Mixin InfluxMixin server;

    @Option(names = "--database", required = true, description = "The database to check.")
    String database;

    @Option(
            names = "--catalogue",
            description = "The catalogue (default: docs/measurements.yaml of the repository).")
    Path catalogue = Catalogue.SHIPPED;

    @Option(
            names = "--absent",
            split = ",",
            description = "Listed measurements the input cannot produce (not required).")
    Set<String> absent = new HashSet<>();

    @Override
    public Integer call() throws Exception {
        Catalogue c = Catalogue.read(catalogue);
        Map<String, Catalogue.Written> written = new TreeMap<>();
        try (InfluxDB influx = server.connect()) {
            for (String m : InfluxQuery.measurements(influx, database)) {
                Map<String, String> fields = new TreeMap<>();
                for (List<Object> row :
                        InfluxQuery.rows(influx, database, "SHOW FIELD KEYS FROM \"" + m + "\"")) {
                    fields.put(String.valueOf(row.get(0)), String.valueOf(row.get(1)));
                }
                written.put(
                        m,
                        new Catalogue.Written(
                                new TreeSet<>(InfluxQuery.tagKeys(influx, database, m)), fields));
            }
        }
        List<String> problems = problems(c, written, absent);
        problems.forEach(System.out::println);
        System.out.printf(
                "%s: %d measurements in %s against %d in the catalogue; %d problems%n",
                problems.isEmpty() ? "CATALOGUED" : "NOT CATALOGUED",
                written.size(),
                database,
                c.measurements().size(),
                problems.size());
        return problems.isEmpty() ? 0 : 1;
    }

    /** Everything {@code written} does that the catalogue does not say, and the reverse. */
    static List<String> problems(
            Catalogue c, Map<String, Catalogue.Written> written, Set<String> absent) {
        List<String> out = new ArrayList<>();
        written.forEach(
                (name, w) -> {
                    Catalogue.Measurement m = c.measurements().get(name);
                    if (m == null) {
                        if (c.isComplete()) {
                            out.add("not in the catalogue: measurement " + name);
                        }
                        return;
                    }
                    for (String tag : w.tags()) {
                        if (!m.tags().containsKey(tag) && c.isComplete()) {
                            out.add("not in the catalogue: tag " + name + "." + tag);
                        }
                    }
                    for (String tag : m.tags().keySet()) {
                        if (!w.tags().contains(tag) && !m.optionalTag(tag)) {
                            out.add("missing: tag " + name + "." + tag);
                        }
                    }
                    w.fields()
                            .forEach(
                                    (field, type) -> {
                                        Catalogue.Field f = m.fields().get(field);
                                        if (f == null) {
                                            if (!c.isComplete()) {
                                                return;
                                            }
                                            out.add(
                                                    "not in the catalogue: field "
                                                            + name
                                                            + "."
                                                            + field);
                                        } else if (!f.type().equals(type)) {
                                            out.add(
                                                    "type: "
                                                            + name
                                                            + "."
                                                            + field
                                                            + " is "
                                                            + type
                                                            + ", the catalogue says "
                                                            + f.type());
                                        }
                                    });
                    m.fields()
                            .forEach(
                                    (field, f) -> {
                                        if (!w.fields().containsKey(field) && !f.isOptional()) {
                                            out.add("missing: field " + name + "." + field);
                                        }
                                    });
                });
        for (String name : c.measurements().keySet()) {
            if (!written.containsKey(name) && !absent.contains(name)) {
                out.add("missing: measurement " + name);
            }
        }
        return out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckCatalogue()).execute(args));
    }
}
