package io.invicta.tools.grafana;

import io.invicta.tools.catalogue.Catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a dashboard passes without a database: unique panel ids, every datasource one that is
 * provisioned, every variable it uses defined, no server or database written in it, and every query
 * naming only measurements, tags and fields of its datasource's catalogue.
 */
public final class DashboardRules {

    /** Grafana's own variables (and the alias placeholders), which need no definition. */
    private static final Pattern BUILT_IN =
            Pattern.compile(
                    "timeFilter|__interval(_ms)?|__timeFilter|__range.*|__from|__to|col|tag_\\w+");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    /** Written in a dashboard, these would tie it to one installation. */
    private static final List<String> INSTALLATION =
            List.of(
                    "http://",
                    "https://",
                    "localhost",
                    "127.0.0.1",
                    ":8086",
                    "\"dbName\"",
                    "\"database\"");

    private DashboardRules() {}

    /**
     * @param catalogues the provisioned datasources' uids, each with the catalogue of its database
     */
    public static List<String> check(Dashboard d, Map<String, Catalogue> catalogues) {
        Set<String> datasources = catalogues.keySet();
        List<String> out = new ArrayList<>();
        String where = d.file().getFileName().toString();
        if (d.uid() == null || d.title() == null) {
            out.add(where + ": no uid or title");
        }
        Set<Integer> ids = new HashSet<>();
        Set<String> defined = new HashSet<>();
        d.variables().forEach(v -> defined.add(v.name()));
        for (Dashboard.Panel p : d.panels()) {
            if (!ids.add(p.id())) {
                out.add(where + ": panel id " + p.id() + " is used twice");
            }
            if (!p.type().equals("row") && !datasources.contains(p.datasource())) {
                out.add(
                        where
                                + ": panel '"
                                + p.title()
                                + "' uses datasource "
                                + p.datasource()
                                + ", which is not provisioned "
                                + datasources);
            }
            out.addAll(undefined(where + ": panel '" + p.title() + "'", p.title(), defined));
            for (Dashboard.Query q : p.queries()) {
                out.addAll(
                        query(
                                where + ": panel '" + p.title() + "' " + q.refId(),
                                q,
                                defined,
                                catalogues));
            }
        }
        for (Dashboard.Variable v : d.variables()) {
            if (v.query() != null) {
                out.addAll(
                        query(
                                where + ": variable $" + v.name(),
                                new Dashboard.Query(v.name(), v.datasource(), v.query()),
                                defined,
                                catalogues));
            }
        }
        for (Dashboard.Query a : d.annotations()) {
            out.addAll(query(where + ": annotation " + a.refId(), a, defined, catalogues));
        }
        for (String s : INSTALLATION) {
            if (d.text().contains(s)) {
                out.add(
                        where
                                + ": names an installation ("
                                + s
                                + "): servers and databases come from the datasource");
            }
        }
        return out;
    }

    private static List<String> query(
            String where,
            Dashboard.Query q,
            Set<String> defined,
            Map<String, Catalogue> catalogues) {
        List<String> out = new ArrayList<>();
        Catalogue catalogue = catalogues.get(q.datasource());
        if (catalogue == null) {
            out.add(
                    where
                            + ": datasource "
                            + q.datasource()
                            + " is not provisioned "
                            + catalogues.keySet());
        }
        if (q.text() == null || q.text().isBlank()) {
            out.add(where + ": no query");
            return out;
        }
        out.addAll(undefined(where, q.text(), defined));
        if (catalogue != null) {
            out.addAll(catalogued(where, q.text(), catalogue));
        }
        return out;
    }

    private static List<String> undefined(String where, String text, Set<String> defined) {
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!defined.contains(name) && !BUILT_IN.matcher(name).matches()) {
                out.add(where + ": variable $" + name + " is not defined");
            }
        }
        return out;
    }

    /**
     * The query's measurement is in the catalogue, and every other name it quotes is a tag or field
     * of it.
     */
    static List<String> catalogued(String where, String query, Catalogue catalogue) {
        List<String> out = new ArrayList<>();
        InfluxQl q = InfluxQl.parse(query);
        if (q.measurement() == null) {
            out.add(where + ": no FROM \"<measurement>\" in " + query);
            return out;
        }
        Catalogue.Measurement m = catalogue.measurements().get(q.measurement());
        if (m == null) {
            out.add(where + ": measurement " + q.measurement() + " is not in the catalogue");
            return out;
        }
        for (String name : q.names()) {
            if (!m.tags().containsKey(name) && !m.fields().containsKey(name)) {
                out.add(where + ": " + q.measurement() + " has no tag or field \"" + name + "\"");
            }
        }
        return out;
    }
}
