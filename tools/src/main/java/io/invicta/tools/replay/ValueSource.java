package io.invicta.tools.replay;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One compiled {@link MappingSpec.ValueSpec}: where a value comes from and how it is parsed and
 * scaled.
 */
final class ValueSource {

    private final String where;
    private final Template template;
    private final Expression expression;
    private final Template column;
    private final Object constant;
    private final boolean hasConstant;
    private final String join;
    private final Integer item;
    private final boolean dms;
    private final boolean decimalComma;
    private final double multiply;
    private final double add;

    ValueSource(String where, MappingSpec.ValueSpec spec, Set<String> joins) {
        this.where = where;
        int sources =
                (spec.template != null ? 1 : 0)
                        + (spec.expr != null ? 1 : 0)
                        + (spec.item != null ? 1 : 0)
                        + (spec.constant != null ? 1 : 0)
                        + (spec.column != null && spec.join == null ? 1 : 0)
                        + (spec.join != null ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException(
                    where
                            + ": give exactly one of template, expr, column, constant, "
                            + "join (with column) or item");
        }
        if (spec.join != null && (spec.column == null || !joins.contains(spec.join))) {
            throw new IllegalArgumentException(
                    where
                            + ": join '"
                            + spec.join
                            + "' needs a column and one of the "
                            + "joins "
                            + joins);
        }
        if (spec.parse != null && !spec.parse.equals("dms") && !spec.parse.equals("number")) {
            throw new IllegalArgumentException(
                    where + ": parse '" + spec.parse + "' is not dms or number");
        }
        this.template = spec.template == null ? null : Template.compile(spec.template);
        this.expression = spec.expr == null ? null : Expression.compile(spec.expr, where);
        this.column = spec.column == null ? null : Template.compile(spec.column);
        this.constant = spec.constant;
        this.hasConstant = spec.constant != null;
        this.join = spec.join;
        this.item = spec.item;
        this.dms = "dms".equals(spec.parse);
        this.decimalComma = Boolean.TRUE.equals(spec.decimalComma);
        this.multiply = spec.multiply == null ? 1.0 : spec.multiply;
        this.add = spec.add == null ? 0.0 : spec.add;
    }

    /**
     * The names this value reads from the row itself (not from a join or the expansion element): a
     * template's placeholders, a column's name (or, when the column name is itself a template, its
     * placeholders), for checking them against a file's header. Optional fields are left out: a row
     * may lack them.
     */
    Set<String> rowNames(boolean optional) {
        Set<String> names = new LinkedHashSet<>();
        if (template != null) {
            names.addAll(template.names());
        }
        if (expression != null) {
            names.addAll(expression.names());
        }
        if (column != null) {
            String literal = column.literal();
            if (join != null || literal == null) {
                names.addAll(column.names());
            } else if (!optional) {
                names.add(literal);
            }
        }
        return names;
    }

    /** The value for one expansion entry of a row, converted to the target field's type. */
    Object eval(RowScopes.Scope scope, FieldTarget target) {
        Object raw = raw(scope, target);
        if (dms && raw != null && !raw.toString().isBlank()) {
            raw = Coordinates.parseDms(raw.toString());
        }
        Object value = target.convert(raw, decimalComma);
        if ((multiply != 1.0 || add != 0.0) && value instanceof Number n) {
            double scaled = n.doubleValue() * multiply + add;
            value =
                    value instanceof Integer
                            ? (Object) Math.toIntExact(Math.round(scaled))
                            : value instanceof Long ? (Object) Math.round(scaled) : (Object) scaled;
        }
        return value;
    }

    private Object raw(RowScopes.Scope scope, FieldTarget target) {
        if (hasConstant) {
            return constant;
        }
        if (template != null) {
            return template.render(scope);
        }
        if (expression != null) {
            return expression.eval(scope);
        }
        if (item != null) {
            JsonNode element = scope.item == null ? null : scope.item.get(item);
            if (element == null) {
                throw new RowRejectedException(
                        "missing-item", where + ": expansion element has no item " + item);
            }
            return element.isNumber() ? (Object) element.doubleValue() : element.asText();
        }
        String name = column.render(scope);
        if (join != null) {
            return RowScopes.column(scope.joined.get(join), name);
        }
        // An optional field whose column a row lacks (a JSON line without the key) is simply
        // absent.
        String value = scope.row.get(name);
        return value == null && target.isOptional() ? null : RowScopes.column(scope.row, name);
    }
}
