package io.invicta.rules;

import io.invicta.rules.EplLexer.Kind;
import io.invicta.rules.EplLexer.Token;

import com.espertech.esper.common.client.EventType;
import com.espertech.esper.common.client.module.ModuleItem;
import com.espertech.esper.common.client.util.StatementProperty;
import com.espertech.esper.common.client.util.StatementType;
import com.espertech.esper.runtime.client.EPStatement;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that a module declared {@link Recovery#WINDOWS recovered from its windows} keeps no state
 * the operator would not see in its named windows, and that every window's rows can be checkpointed
 * and routed: a column named after the partition holding the key, and only plain column types. The
 * constructs that hold state of their own (data windows on streams, patterns other than a clock,
 * {@code match_recognize}, aggregation or output rate limiting over streams, tables, contexts) are
 * refused with the line they are on.
 */
final class WindowsRecoveryCheck {

    /** Aggregation functions: over a stream they accumulate state no window holds. */
    private static final Set<String> AGGREGATIONS =
            Set.of(
                    "count",
                    "sum",
                    "avg",
                    "median",
                    "stddev",
                    "avedev",
                    "first",
                    "last",
                    "window",
                    "nth",
                    "rate",
                    "leaving",
                    "countever",
                    "firstever",
                    "lastever",
                    "maxever",
                    "minever",
                    "maxby",
                    "minby",
                    "maxbyever",
                    "minbyever",
                    "sorted");

    /**
     * Views whose rows do not depend on when or in which order they were inserted across keys: the
     * rows put back at a restore behave as the checkpointed ones.
     */
    private static final Set<String> KEYED_VIEWS = Set.of("unique", "firstunique", "keepall");

    private WindowsRecoveryCheck() {}

    static void check(
            RuleFile file,
            EPStatement[] statements,
            List<ModuleItem> items,
            Partitioning partitioning,
            List<RuleProblem> problems) {
        for (int s = 0; s < statements.length; s++) {
            int line = s < items.size() ? RuleSet.statementLine(items.get(s)) : 1;
            String text = s < items.size() ? items.get(s).getExpression() : "";
            StatementType type =
                    (StatementType) statements[s].getProperty(StatementProperty.STATEMENTTYPE);
            String refused =
                    type == StatementType.CREATE_WINDOW
                            ? window(
                                    statements[s].getEventType(),
                                    EplLexer.tokens(text),
                                    partitioning)
                            : stateOutsideWindows(type, EplLexer.tokens(text));
            if (refused != null) {
                problems.add(
                        new RuleProblem(
                                file.name(),
                                line,
                                1,
                                "the module is recovered from its windows"
                                        + " (@Tag(name='recovery', value='windows')), but "
                                        + refused));
            }
        }
    }

    private static String window(EventType window, List<Token> tokens, Partitioning partitioning) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("#")
                    && !KEYED_VIEWS.contains(tokens.get(i + 1).text().toLowerCase(Locale.ROOT))) {
                return "window "
                        + window.getName()
                        + " is #"
                        + tokens.get(i + 1).text()
                        + ": rows put back at a restore would expire or be evicted at other"
                        + " times than in an uninterrupted run (use #unique, #firstunique or"
                        + " #keepall)";
            }
        }
        List<String> columns = List.of(window.getPropertyNames());
        if (partitioning != Partitioning.CITY && !columns.contains(partitioning.tagValue())) {
            return "window "
                    + window.getName()
                    + " has no column '"
                    + partitioning.tagValue()
                    + "' to say which "
                    + partitioning.tagValue()
                    + " each row belongs to (it has "
                    + columns
                    + ")";
        }
        for (String column : columns) {
            Class<?> type = window.getPropertyType(column);
            if (WindowColumn.of(type) == null) {
                return "column "
                        + column
                        + " of window "
                        + window.getName()
                        + " is a "
                        + (type == null ? "null" : type.getSimpleName())
                        + ", and a checkpointed row holds only string, long, int, double and"
                        + " boolean columns";
            }
        }
        return null;
    }

    /** What in a statement (not a window's creation) holds state, or null. */
    private static String stateOutsideWindows(StatementType type, List<Token> tokens) {
        if (type == StatementType.CREATE_TABLE) {
            return "tables are not checkpointed: use a named window";
        }
        if (type == StatementType.CREATE_VARIABLE && !isConstant(tokens)) {
            return "variables are not checkpointed (constants need not be): use a named window";
        }
        if (type == StatementType.CREATE_CONTEXT) {
            return "contexts keep state per partition no named window holds";
        }
        // A select (insert into included) reads a stream continuously; on-statements read their
        // window afresh each time.
        boolean readsStream = type == StatementType.SELECT;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String word = t.kind() == Kind.IDENT ? t.text().toLowerCase(Locale.ROOT) : "";
            if (t.is("#")) {
                return "a data window on a stream keeps events no named window holds";
            }
            if (word.equals("match_recognize")) {
                return "match_recognize keeps partial matches no named window holds";
            }
            if (word.equals("pattern") && !clockOnly(tokens, i)) {
                return "only a clock pattern (every timer:at(...)) holds no state of its own";
            }
            if (readsStream && word.equals("output")) {
                return "output rate limiting keeps rows no named window holds";
            }
            if (readsStream
                    && AGGREGATIONS.contains(word)
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).is("(")) {
                return word + "(...) over a stream accumulates state no named window holds";
            }
        }
        return null;
    }

    /** {@code create constant variable}, whatever annotations come before it. */
    private static boolean isConstant(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("variable")) {
                return tokens.get(i - 1).isWord("constant");
            }
        }
        return false;
    }

    /** {@code pattern [every timer:at(...)]}: the tokens between the brackets. */
    private static boolean clockOnly(List<Token> tokens, int pattern) {
        int i = pattern + 1;
        if (i >= tokens.size() || !tokens.get(i).is("[")) {
            return true; // "pattern" used as a name, not a pattern
        }
        String[] expected = {"every", "timer", ":", "at", "("};
        for (String e : expected) {
            i++;
            if (i >= tokens.size() || !tokens.get(i).text().equalsIgnoreCase(e)) {
                return false;
            }
        }
        int depth = 1;
        while (depth > 0 && ++i < tokens.size()) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")")) {
                depth--;
            }
        }
        return i + 1 < tokens.size() && tokens.get(i + 1).is("]");
    }
}
