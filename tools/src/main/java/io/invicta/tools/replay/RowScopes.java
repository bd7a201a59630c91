package io.invicta.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one row becomes before its fields are set: the rows of the side files it joins, and one
 * {@link Scope} per event it expands to ({@code expand.range}: one per value of a variable, {@code
 * expand.json-array}: one per item of a JSON array column; otherwise one). Checked when the mapping
 * loads.
 */
final class RowScopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Join> joins = new LinkedHashMap<>();
    private final MappingSpec.RangeSpec range;
    private final MappingSpec.JsonArraySpec jsonArray;

    private record Join(Template match, Map<String, Row> rows, String file) {}

    RowScopes(
            Path mappingFile,
            Map<String, MappingSpec.JoinSpec> joinSpecs,
            MappingSpec.ExpandSpec expand)
            throws IOException {
        if (joinSpecs != null) {
            for (Map.Entry<String, MappingSpec.JoinSpec> e : joinSpecs.entrySet()) {
                MappingSpec.JoinSpec j = e.getValue();
                String where = "joins." + e.getKey();
                Path side =
                        mappingFile
                                .resolveSibling(CompiledMapping.require(j.file(), where + ".file"))
                                .normalize();
                if (!Files.isReadable(side)) {
                    throw new IllegalArgumentException(where + ".file: cannot read " + side);
                }
                Map<String, Row> rows =
                        CsvRowSource.index(
                                side,
                                MappingInput.delimiter(j.delimiter()),
                                MappingInput.charset(j.encoding()),
                                CompiledMapping.require(j.key(), where + ".key"));
                joins.put(
                        e.getKey(),
                        new Join(
                                Template.compile(
                                        CompiledMapping.require(j.match(), where + ".match")),
                                rows,
                                side.toString()));
            }
        }
        this.range = expand == null ? null : expand.range();
        this.jsonArray = expand == null ? null : expand.jsonArray();
        if (expand != null && (range == null) == (jsonArray == null)) {
            throw new IllegalArgumentException(
                    "expand: give exactly one of 'range' or 'json-array'");
        }
        if (range != null && (range.var() == null || range.to() < range.from())) {
            throw new IllegalArgumentException("expand.range needs 'var' and from ≤ to");
        }
        if (jsonArray != null && jsonArray.column() == null) {
            throw new IllegalArgumentException("expand.json-array needs 'column'");
        }
    }

    /** The expansion variables ({@code expand.range.var}, {@code expand.json-array.var}). */
    Set<String> variables() {
        Set<String> vars = new HashSet<>();
        if (range != null) {
            vars.add(range.var());
        }
        if (jsonArray != null) {
            vars.add(jsonArray.var() == null ? "i" : jsonArray.var());
        }
        return vars;
    }

    /** The row columns the joins and the expansion read. */
    Set<String> rowNames() {
        Set<String> names = new HashSet<>();
        joins.values().forEach(j -> names.addAll(j.match().names()));
        if (jsonArray != null) {
            names.add(jsonArray.column());
        }
        return names;
    }

    /** The names of the joins, which values may read from ({@code join.column}). */
    Set<String> joinNames() {
        return joins.keySet();
    }

    /**
     * The scopes of one row; throws {@link RowRejectedException} when a join misses or the JSON
     * array is bad.
     */
    List<Scope> of(Row row) {
        Map<String, Row> joined = joinRows(row);
        if (range != null) {
            List<Scope> scopes = new ArrayList<>(range.to() - range.from() + 1);
            for (int v = range.from(); v <= range.to(); v++) {
                scopes.add(
                        new Scope(
                                row,
                                Map.of(range.var(), Integer.toString(v)),
                                null,
                                v - range.from(),
                                joined));
            }
            return scopes;
        }
        if (jsonArray != null) {
            String text = column(row, jsonArray.column());
            JsonNode array;
            try {
                array = JSON.readTree(text);
            } catch (IOException e) {
                throw new RowRejectedException(
                        "bad-json-array", jsonArray.column() + " is not JSON: " + abbreviate(text));
            }
            if (array == null || !array.isArray()) {
                throw new RowRejectedException(
                        "bad-json-array",
                        jsonArray.column() + " is not a JSON array: " + abbreviate(text));
            }
            List<Scope> scopes = new ArrayList<>(array.size());
            String var = jsonArray.var() == null ? "i" : jsonArray.var();
            for (int i = 0; i < array.size(); i++) {
                scopes.add(
                        new Scope(row, Map.of(var, Integer.toString(i)), array.get(i), i, joined));
            }
            return scopes;
        }
        return List.of(new Scope(row, Map.of(), null, 0, joined));
    }

    private Map<String, Row> joinRows(Row row) {
        if (joins.isEmpty()) {
            return Map.of();
        }
        Map<String, Row> joined = new HashMap<>();
        Scope rowOnly = new Scope(row, Map.of(), null, 0, Map.of());
        for (Map.Entry<String, Join> e : joins.entrySet()) {
            String key = e.getValue().match().render(rowOnly);
            Row side = e.getValue().rows().get(key);
            if (side == null) {
                throw new RowRejectedException(
                        "join-miss", "no row with key '" + key + "' in " + e.getValue().file());
            }
            joined.put(e.getKey(), side);
        }
        return joined;
    }

    /** A column of the row; a missing one rejects the row. */
    static String column(Row row, String name) {
        String value = row.get(name);
        if (value == null) {
            throw new RowRejectedException("missing-column", "no column '" + name + "'");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** The names a template or value can see while one expansion entry of a row is mapped. */
    static final class Scope implements Template.Values {
        final Row row;
        final Map<String, String> vars;
        final JsonNode item;
        final int index;
        final Map<String, Row> joined;

        Scope(
                Row row,
                Map<String, String> vars,
                JsonNode item,
                int index,
                Map<String, Row> joined) {
            this.row = row;
            this.vars = vars;
            this.item = item;
            this.index = index;
            this.joined = joined;
        }

        @Override
        public String get(String name) {
            String v = vars.get(name);
            return v != null ? v : row.get(name);
        }
    }
}
