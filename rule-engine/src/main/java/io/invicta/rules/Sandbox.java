package io.invicta.rules;

import io.invicta.rules.EplLexer.Kind;
import io.invicta.rules.EplLexer.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule text is code: EPL can call Java. Before anything is compiled (at {@code rules check}, at job
 * start and at every hot reload) the sandbox reads the module's tokens and rejects every call that
 * is not on an allow-list, with the file, line and column: EPL's own functions and aggregations,
 * the data windows and pattern guards, the domain {@link RuleFunctions}, {@code Math}, a few value
 * methods, the event types and the names the module itself declares. Everything else — {@code
 * System.exit}, {@code Runtime}, reflection through {@code getClass()}, file or network IO, {@code
 * new SomeClass(...)}, inlined classes, scripts, imports, dataflows, hook annotations — is refused.
 * An allow-list rather than a deny-list: a call we did not think of is refused, not let through.
 * {@link EsperConfiguration} adds a second fence at class loading.
 */
public final class Sandbox {

    /** The domain functions of {@link RuleFunctions}, callable by name. */
    public static final Set<String> FUNCTIONS =
            Set.of(
                    "eaqiLevel",
                    "eaqiBand",
                    "soundEnergy",
                    "decibels",
                    "noisePeriod",
                    "distanceMeters");

    /** EPL's built-in functions, aggregations and the keywords that may precede a parenthesis. */
    private static final Set<String> EPL_WORDS =
            words(
                    """
select from where having on by in exists and or not every case when then else end as
distinct all any some istream irstream rstream match_recognize pattern define measures
partition output between like regexp values set into insert window first last prev prior
prevtail prevwindow prevcount coalesce cast instanceof typeof current_timestamp max min
sum avg count median stddev avedev rate nth leaving countever firstever lastever maxby
minby sorted grouping grouping_id fmax fmin maxever minever every-distinct until group
order limit with context start initiated terminated after snapshot events create schema
variable table index delete update merge matched using unidirectional retain-union
retain-intersection is null true false exists within unique sum join left right full
outer inner expression asc desc last_aggvalue lastever bitwise coalesce exists sorted
window
""");

    /** Data windows ({@code #time(...)}) and their legacy namespaces ({@code win:time(...)}). */
    private static final Set<String> VIEWS =
            words(
                    """
time length time_batch length_batch groupwin unique firstevent lastevent firstunique
firstlength firsttime ext_timed ext_timed_batch time_accum keepall sort rank time_order
time_length_batch expr expr_batch uni linest correl size weighted_avg time_window
length_window
""");

    /** Pattern observers and guards ({@code timer:within(...)}). */
    private static final Set<String> PATTERN = words("within interval at schedule withinmax");

    /**
     * Methods on values: enumeration and date-time methods, a few string and location accessors.
     */
    private static final Set<String> METHODS =
            words(
                    """
countOf sumOf average min max minBy maxBy selectFrom where anyOf allOf firstOf lastOf
distinctOf orderBy orderByDesc groupBy take takeLast takeWhile takeWhileLast aggregate
mostFrequent leastFrequent toMap reverse sequenceEqual except intersect union get getLat
getLon getMinuteOfHour getHourOfDay getDayOfWeek getDayOfMonth getMonthOfYear getYear
withTime withDate roundFloor roundCeiling roundHalf before after between coincides
during includes meets overlaps format toLowerCase toUpperCase startsWith endsWith
contains length trim equals compareTo isEmpty plus minus toEpochMilli toMillisec size
""");

    /** Classes whose static methods rules may call. */
    private static final Set<String> CLASSES = Set.of("Math");

    private static final Set<String> ANNOTATIONS =
            words(
                    """
                    Name Description Tag Priority Hint Audit Drop Public Protected Private
                    """);

    private Sandbox() {}

    /** Every problem in the file; empty when it may be compiled. */
    public static List<RuleProblem> check(RuleFile file) {
        List<Token> tokens = EplLexer.tokens(file.text());
        Set<String> declared = declaredNames(tokens);
        List<RuleProblem> problems = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String refusal = refusal(tokens, i, declared);
            if (refusal != null) {
                problems.add(
                        new RuleProblem(file.name(), t.line(), t.column(), "sandbox: " + refusal));
            }
        }
        return problems;
    }

    private static String refusal(List<Token> tokens, int i, Set<String> declared) {
        Token t = tokens.get(i);
        if (t.kind() == Kind.TRIPLE_QUOTE || t.isWord("inlined_class")) {
            return "inlined Java classes are not allowed in rules";
        }
        if (t.kind() != Kind.IDENT) {
            return null;
        }
        Token before = i > 0 ? tokens.get(i - 1) : null;
        Token after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (before != null && before.is("@")) {
            return ANNOTATIONS.contains(lc(t))
                    ? null
                    : "annotation @"
                            + t.text()
                            + " is not allowed (allowed: @Name, @Description, @Tag, @Priority, "
                            + "@Hint, @Audit, @Drop)";
        }
        if (t.isWord("import") && (before == null || before.is(";"))) {
            return "imports are not allowed in rules";
        }
        if (t.isWord("dataflow") && before != null && before.isWord("create")) {
            return "dataflows are not allowed in rules";
        }
        if (t.isWord("new") && after != null && after.kind() == Kind.IDENT) {
            return "creating Java objects ('new " + after.text() + "') is not allowed in rules";
        }
        if (t.isWord("expression") && isScript(tokens, i)) {
            return "scripts in expression declarations are not allowed in rules";
        }
        if (before != null
                && before.isWord("as")
                && i >= 3
                && tokens.get(i - 3).isWord("schema")
                && after != null
                && after.is(".")) {
            return "a Java class as schema ('" + t.text() + "...') is not allowed in rules";
        }
        if (after == null || !after.is("(")) {
            return null;
        }
        return callRefusal(tokens, i, declared);
    }

    private static String callRefusal(List<Token> tokens, int i, Set<String> declared) {
        Token name = tokens.get(i);
        Token before = i > 0 ? tokens.get(i - 1) : null;
        if (before != null && before.is("#")) {
            return VIEWS.contains(lc(name))
                    ? null
                    : "unknown data window #" + name.text() + "(...)";
        }
        if (before != null && before.is(":") && i >= 2) {
            String namespace = lc(tokens.get(i - 2));
            boolean ok =
                    namespace.equals("timer")
                            ? PATTERN.contains(lc(name))
                            : Set.of("win", "std", "ext", "stat").contains(namespace)
                                    && VIEWS.contains(lc(name));
            return ok
                    ? null
                    : "'" + tokens.get(i - 2).text() + ":" + name.text() + "(...)' is not allowed";
        }
        if (before != null && before.is(".")) {
            Token owner = i >= 2 ? tokens.get(i - 2) : null;
            boolean staticCall =
                    owner != null
                            && owner.kind() == Kind.IDENT
                            && (i < 3 || !tokens.get(i - 3).is("."))
                            && CLASSES.contains(owner.text());
            if (staticCall || METHODS.contains(lc(name))) {
                return null;
            }
            return "calling '"
                    + name.text()
                    + "(...)' is not allowed (rules may call EPL functions, the domain "
                    + "functions "
                    + FUNCTIONS
                    + ", Math and value methods such as getLat(), countOf(), format())";
        }
        if (EPL_WORDS.contains(lc(name))
                || FUNCTIONS.contains(name.text())
                || EventTypes.readable().containsKey(name.text())
                || declared.contains(name.text())) {
            return null;
        }
        return "unknown function '"
                + name.text()
                + "(...)' (rules may call EPL functions and "
                + FUNCTIONS
                + ")";
    }

    /**
     * {@code expression [type] dialect:name(params) [ script ]}: a script when a bracket follows
     * the parameters.
     */
    private static boolean isScript(List<Token> tokens, int i) {
        int j = i + 1;
        while (j < tokens.size()
                && !tokens.get(j).is("(")
                && !tokens.get(j).is("{")
                && !tokens.get(j).is(";")) {
            j++;
        }
        if (j >= tokens.size() || !tokens.get(j).is("(")) {
            return false;
        }
        int depth = 0;
        for (; j < tokens.size(); j++) {
            if (tokens.get(j).is("(")) {
                depth++;
            } else if (tokens.get(j).is(")") && --depth == 0) {
                return j + 1 < tokens.size() && tokens.get(j + 1).is("[");
            }
        }
        return false;
    }

    /**
     * Names the module declares itself (schemas, windows, tables, streams it inserts into,
     * expressions, contexts).
     */
    private static Set<String> declaredNames(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord("into")
                    || t.isWord("schema")
                    || t.isWord("window") && i > 0 && tokens.get(i - 1).isWord("create")
                    || t.isWord("table")
                    || t.isWord("context")
                    || t.isWord("expression")) {
                int j = i + 1;
                if (t.isWord("into") && j < tokens.size() && tokens.get(j).isWord("table")) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).kind() == Kind.IDENT) {
                    names.add(tokens.get(j).text());
                }
            }
        }
        return names;
    }

    private static String lc(Token token) {
        return token.text().toLowerCase(Locale.ROOT);
    }

    /** The whitespace-separated words, lower case (the check compares lower case). */
    private static Set<String> words(String words) {
        Set<String> set = new HashSet<>();
        for (String w : words.strip().split("\\s+")) {
            set.add(w.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(set);
    }
}
