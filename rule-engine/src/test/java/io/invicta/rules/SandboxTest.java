package io.invicta.rules;

import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule text is code: the sandbox refuses every way out of EPL into arbitrary Java we know of, at
 * the line and column of the offending token, and the Esper configuration refuses them again at
 * compile time.
 */
class SandboxTest {

    private static final String HEADER =
            "@Name('r')\n"
                    + "@Description('d')\n"
                    + "@Tag(name='severity', value='INFO')\n"
                    + "@Tag(name='partition', value='zone')\n"
                    + "@Tag(name='message', value='{zone}')\n";

    /** EPL, the line and column of the refused token, and a word the message must contain. */
    static Stream<Arguments> dangerousRules() {
        return Stream.of(
                Arguments.of(
                        "System.exit",
                        HEADER + "select zone, System.exit(0) as x from AirQualityObserved;",
                        6,
                        21,
                        "calling 'exit(...)' is not allowed"),
                Arguments.of(
                        "Runtime.exec",
                        HEADER
                                + "select zone,\n"
                                + "  java.lang.Runtime.getRuntime().exec('x') as x from"
                                + " AirQualityObserved;",
                        7,
                        21,
                        "calling 'getRuntime(...)' is not allowed"),
                Arguments.of(
                        "reflection",
                        HEADER
                                + "select zone, zone.getClass().forName('java.lang.Runtime') as x"
                                + " from AirQualityObserved;",
                        6,
                        19,
                        "calling 'getClass(...)' is not allowed"),
                Arguments.of(
                        "new object",
                        "select new java.io.File('x') as f from AirQualityObserved;",
                        1,
                        8,
                        "creating Java objects ('new java') is not allowed"),
                Arguments.of(
                        "inlined class",
                        "inlined_class \"\"\"\n  public class X { }\n\"\"\"\n"
                                + "select zone from AirQualityObserved;",
                        1,
                        1,
                        "inlined Java classes are not allowed"),
                Arguments.of(
                        "script",
                        "expression double js:f(x) [ java.lang.System.exit(0) ]\n"
                                + "select f(no2) from AirQualityObserved;",
                        1,
                        1,
                        "scripts in expression declarations"),
                Arguments.of(
                        "import",
                        "import java.io.*;\nselect zone from AirQualityObserved;",
                        1,
                        1,
                        "imports are not allowed"),
                Arguments.of(
                        "dataflow",
                        "create dataflow D\n  DefaultSupportSourceOp -> s {}\n  "
                                + "DefaultSupportCaptureOp(s) {};",
                        1,
                        8,
                        "dataflows are not allowed"),
                Arguments.of(
                        "hook",
                        "@Hook(type=HookType.SQLCOL, hook='x')\n"
                                + "select zone from AirQualityObserved;",
                        1,
                        2,
                        "annotation @Hook is not allowed"),
                Arguments.of(
                        "Java class as schema",
                        "create schema X as java.io.File;",
                        1,
                        20,
                        "a Java class as schema"),
                Arguments.of(
                        "unknown function",
                        HEADER + "select zone, exec('rm') as x from AirQualityObserved;",
                        6,
                        14,
                        "unknown function 'exec(...)'"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("dangerousRules")
    void dangerousEplIsRefusedWithFileLineAndColumn(
            String what, String epl, int line, int column, String message) {
        List<RuleProblem> problems = Sandbox.check(new RuleFile("rules/bad.epl", epl));
        assertThat(problems).as(what).isNotEmpty();
        RuleProblem first = problems.get(0);
        assertThat(first.toString())
                .startsWith("rules/bad.epl:" + line + ":" + column + ": sandbox: ")
                .contains(message);
    }

    @ParameterizedTest(name = "{0} is refused by the rule set before compiling")
    @MethodSource("dangerousRules")
    void ruleSetCompilationRefusesDangerousEpl(
            String what, String epl, int line, int column, String message) {
        assertThatThrownBy(() -> RuleSet.compile(1, List.of(new RuleFile("bad.epl", epl))))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("bad.epl:" + line + ":" + column + ": sandbox: " + message);
    }

    @Test
    void forbiddenWordsInsideStringsAndCommentsAreNotCalls() {
        String epl =
                HEADER
                        + "// System.exit(0) in a comment\n/* new java.io.File('x') */\n"
                        + "select zone, 'System.exit(0)' as text from AirQualityObserved;";
        assertThat(Sandbox.check(new RuleFile("ok.epl", epl))).isEmpty();
    }

    @Test
    void theShippedRulesPassTheSandbox() {
        for (RuleFile file : RuleFile.readAll(List.of(ShippedRulesTest.RULES))) {
            assertThat(Sandbox.check(file)).as(file.name()).isEmpty();
        }
    }

    /**
     * Defence in depth: had a call slipped past the sandbox, the compiler configuration still
     * refuses it.
     */
    @ParameterizedTest(name = "the compiler alone refuses {0}")
    @MethodSource("compilerRefusals")
    void theEsperConfigurationRefusesJavaAccessEvenWithoutTheSandbox(String what, String epl) {
        assertThatThrownBy(
                        () ->
                                EPCompilerProvider.getCompiler()
                                        .compile(
                                                epl,
                                                new CompilerArguments(EsperConfiguration.create())))
                .as(what)
                .isInstanceOf(EPCompileException.class);
    }

    static Stream<Arguments> compilerRefusals() {
        return Stream.of(
                Arguments.of(
                        "System.exit (no default imports)",
                        "select System.exit(0) from AirQualityObserved"),
                Arguments.of(
                        "Runtime by full name (class loading fence)",
                        "select java.lang.Runtime.getRuntime() from AirQualityObserved"),
                Arguments.of(
                        "java.io.File by full name",
                        "select new java.io.File('x') from AirQualityObserved"),
                Arguments.of(
                        "inlined classes",
                        "inlined_class \"\"\" public class X { public static int f() "
                                + "{ return 1; } } \"\"\" select X.f() from AirQualityObserved"),
                Arguments.of("a Java class as schema", "create schema F as java.io.File"));
    }
}
