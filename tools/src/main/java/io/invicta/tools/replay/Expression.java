package io.invicta.tools.replay;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A field value computed from the row: an expression of the Common Expression Language (CEL,
 * cel.dev), e.g. {@code row.total - row.free} or {@code (row.lat1 + row.lat2) / 2.0}. CEL has no
 * side effects, no loops and no way to reach the JVM: a mapping stays data, not code.
 *
 * <p>The expression sees one variable, {@code row}: the row's columns, JSON fields (nested by dots)
 * and expansion variables by name, {@code row.name} or {@code row['ayto:temperature']} for names
 * that are not identifiers. Values that read as numbers are doubles, empty ones are null, the rest
 * strings. The names it reads are found when the mapping loads (so a CSV header lacking one stops
 * the run when the file opens, like a template's); {@code row} itself may not be used otherwise
 * (passed whole or indexed by a computed key).
 *
 * <p>Why CEL rather than a home-made arithmetic grammar: it is specified, maintained (Google; used
 * by Kubernetes and Envoy for the same purpose: untrusted configuration expressions), safe by
 * design, and users can learn it from its own documentation.
 */
final class Expression {

    private static final String ROW = "row";

    private static final CelCompiler COMPILER =
            CelCompilerFactory.standardCelCompilerBuilder()
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .addVar(ROW, MapType.create(SimpleType.STRING, SimpleType.DYN))
                    .build();

    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String source;
    private final CelRuntime.Program program;
    private final Set<String> names;

    private Expression(String source, CelRuntime.Program program, Set<String> names) {
        this.source = source;
        this.program = program;
        this.names = names;
    }

    /** Compiles and checks {@code source}; a mistake is refused with CEL's message. */
    static Expression compile(String source, String where) {
        CelAbstractSyntaxTree ast;
        try {
            CelValidationResult result = COMPILER.compile(source);
            ast = result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(
                    where + ": expression '" + source + "' is not valid CEL: " + e.getMessage(), e);
        }
        Set<String> names = new LinkedHashSet<>();
        int uses = rowUses(ast.getExpr(), names);
        if (uses != countRowIdents(ast.getExpr())) {
            throw new IllegalArgumentException(
                    where
                            + ": expression '"
                            + source
                            + "' must read the row by name only: row.name or row['name']");
        }
        try {
            return new Expression(source, RUNTIME.createProgram(ast), names);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException(
                    where + ": expression '" + source + "': " + e.getMessage(), e);
        }
    }

    /** The names the expression reads from the row. */
    Set<String> names() {
        return names;
    }

    /**
     * The expression's value for one expansion entry: a Double, Long, String, Boolean or null;
     * throws {@link RowRejectedException} when it cannot be evaluated (a name missing from the row,
     * arithmetic on a text or a null).
     */
    Object eval(Template.Values values) {
        Map<String, Object> row = new HashMap<>();
        for (String name : names) {
            String text = values.get(name);
            if (text != null) {
                row.put(name, typed(text));
            }
        }
        try {
            Object value = program.eval(Map.of(ROW, row));
            return value instanceof NullValue ? null : value;
        } catch (CelEvaluationException e) {
            throw new RowRejectedException(
                    "expression-error", "'" + source + "': " + e.getMessage());
        }
    }

    /** A number when the text reads as one, null when empty, else the text. */
    private static Object typed(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return NullValue.NULL_VALUE;
        }
        char c = t.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            try {
                double d = Double.parseDouble(t);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // not a number: the text
            }
        }
        return text;
    }

    /**
     * Collects the names of {@code row.name} and {@code row['name']} into {@code names}; returns
     * how many such reads there are.
     */
    private static int rowUses(CelExpr e, Set<String> names) {
        int uses = 0;
        if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && isRow(e.select().operand())) {
            names.add(e.select().field());
            return 1;
        }
        if (e.getKind() == CelExpr.ExprKind.Kind.CALL
                && e.call().function().equals("_[_]")
                && isRow(e.call().args().get(0))
                && e.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && e.call().args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            names.add(e.call().args().get(1).constant().stringValue());
            return 1;
        }
        for (CelExpr child : children(e)) {
            uses += rowUses(child, names);
        }
        return uses;
    }

    private static int countRowIdents(CelExpr e) {
        int n = isRow(e) ? 1 : 0;
        for (CelExpr child : children(e)) {
            n += countRowIdents(child);
        }
        return n;
    }

    private static boolean isRow(CelExpr e) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(ROW);
    }

    private static List<CelExpr> children(CelExpr e) {
        return switch (e.getKind()) {
            case SELECT -> List.of(e.select().operand());
            case CALL -> {
                List<CelExpr> all = new ArrayList<>(e.call().args());
                e.call().target().ifPresent(all::add);
                yield all;
            }
            case LIST -> e.list().elements();
            case MAP ->
                    e.map().entries().stream()
                            .flatMap(entry -> Stream.of(entry.key(), entry.value()))
                            .toList();
            case STRUCT -> e.struct().entries().stream().map(entry -> entry.value()).toList();
            case COMPREHENSION ->
                    List.of(
                            e.comprehension().iterRange(),
                            e.comprehension().accuInit(),
                            e.comprehension().loopCondition(),
                            e.comprehension().loopStep(),
                            e.comprehension().result());
            default -> List.of();
        };
    }

    @Override
    public String toString() {
        return source;
    }
}
