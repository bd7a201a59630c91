package io.invicta.rules;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Compiling a rule set: every breach of the rule contract is reported where the analyst can fix it.
 */
class RuleSetTest {

    private static String rule(
            String name,
            String description,
            String severity,
            String partition,
            String message,
            String select) {
        return "@Name('"
                + name
                + "')\n"
                + (description == null ? "" : "@Description('" + description + "')\n")
                + "@Tag(name='severity', value='"
                + severity
                + "')\n"
                + "@Tag(name='partition', value='"
                + partition
                + "')\n"
                + "@Tag(name='message', value='"
                + message
                + "')\n"
                + select
                + ";\n";
    }

    private static String zoneRule(String name) {
        return rule(
                name,
                "d",
                "INFO",
                "zone",
                "NO2 {no2} in {zone}",
                "select zone, no2 from AirQualityObserved");
    }

    private static List<RuleProblem> problems(RuleFile... files) {
        RuleSetException e =
                catchThrowableOfType(
                        RuleSetException.class, () -> RuleSet.compile(1, List.of(files)));
        assertThat(e).as("the rule set should not compile").isNotNull();
        return e.problems();
    }

    @Test
    void aValidModuleCompilesWithItsPartitioningRulesAndHorizon() throws Exception {
        RuleSet set =
                RuleSet.compile(
                        7,
                        List.of(
                                new RuleFile(
                                        "rules/a.epl",
                                        "// one rule\n"
                                                + zoneRule("r1")
                                                + rule(
                                                        "r2",
                                                        "d",
                                                        "CRITICAL",
                                                        "zone",
                                                        "{zone}",
                                                        "select zone, avg(no2) as no2 from"
                                                            + " AirQualityObserved#time(2 hours)"
                                                            + " group by zone"))));
        assertThat(set.version()).isEqualTo(7);
        assertThat(set.modules())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.name()).isEqualTo("a");
                            assertThat(m.partitioning()).isEqualTo(Partitioning.ZONE);
                            assertThat(m.horizon()).hasHours(2);
                            assertThat(m.eventTypes()).containsExactly("AirQualityObserved");
                        });
        assertThat(set.rules())
                .extracting(RuleInfo::name, RuleInfo::line)
                .containsExactly(Tuple.tuple("r1", 2), Tuple.tuple("r2", 8));
    }

    @Test
    void aSyntaxErrorIsReportedAtItsFileLineAndColumn() {
        String text =
                zoneRule("ok")
                        + "\n"
                        + "// the next statement is broken\n"
                        + "select zone frm AirQualityObserved;\n";
        List<RuleProblem> problems = problems(new RuleFile("rules/broken.epl", text));
        assertThat(problems)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.file()).isEqualTo("rules/broken.epl");
                            assertThat(p.line()).isEqualTo(9);
                            // 'select zone frm' reads as 'zone as frm': Esper stumbles on the type
                            // name that follows.
                            assertThat(p.column()).isEqualTo(17);
                            assertThat(p.message())
                                    .contains("Incorrect syntax near 'AirQualityObserved'");
                        });
    }

    @Test
    void aValidationErrorIsReportedAtTheLineOfItsStatement() {
        String text =
                zoneRule("ok")
                        + "\n"
                        + rule(
                                "bad",
                                "d",
                                "INFO",
                                "zone",
                                "{zone}",
                                "select zone, nitrogen from AirQualityObserved");
        List<RuleProblem> problems = problems(new RuleFile("v.epl", text));
        assertThat(problems)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.toString()).startsWith("v.epl:8:");
                            assertThat(p.message()).contains("nitrogen");
                        });
    }

    @Test
    void aMissingDescriptionIsReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile(
                                "m.epl",
                                rule(
                                        "nodesc",
                                        null,
                                        "INFO",
                                        "zone",
                                        "{zone}",
                                        "select zone from AirQualityObserved")));
        assertThat(problems)
                .singleElement()
                .hasToString("m.epl:1:1: rule nodesc needs @Description('...')");
    }

    @Test
    void anUnknownSeverityIsReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile(
                                "m.epl",
                                rule(
                                        "loud",
                                        "d",
                                        "PANIC",
                                        "zone",
                                        "{zone}",
                                        "select zone from AirQualityObserved")));
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("rule loud: severity 'PANIC' is not one of [INFO, WARNING, CRITICAL]");
    }

    @Test
    void aMessagePlaceholderThatIsNotASelectedColumnIsReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile(
                                "m.epl",
                                rule(
                                        "r",
                                        "d",
                                        "INFO",
                                        "zone",
                                        "PM10 {pm10} in {zone}",
                                        "select zone, no2 from AirQualityObserved")));
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("message placeholder {pm10} is not a selected column");
    }

    @Test
    void aRuleThatDoesNotSelectItsPartitionColumnIsReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile(
                                "m.epl",
                                rule(
                                        "r",
                                        "d",
                                        "INFO",
                                        "sensor",
                                        "{id}",
                                        "select id from AirQualityObserved")));
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("must select a column named 'sensor'");
    }

    @Test
    void rulesOfOneModuleWithDifferentPartitionsAreReported() {
        String text =
                zoneRule("by-zone")
                        + rule(
                                "by-sensor",
                                "d",
                                "INFO",
                                "sensor",
                                "{sensor}",
                                "select id as sensor from AirQualityObserved");
        List<RuleProblem> problems = problems(new RuleFile("mixed.epl", text));
        assertThat(problems)
                .singleElement()
                .asString()
                .contains(
                        "mixed.epl:1:1: all rules of a module must share one partition, found"
                                + " [zone, sensor]");
    }

    @Test
    void anUnknownPartitionIsReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile(
                                "m.epl",
                                rule(
                                        "r",
                                        "d",
                                        "INFO",
                                        "street",
                                        "{zone}",
                                        "select zone from AirQualityObserved")));
        assertThat(problems).singleElement().asString().contains("unknown partition 'street'");
    }

    @Test
    void theSameRuleNameInTwoModulesIsReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile("a.epl", zoneRule("twice")),
                        new RuleFile("b.epl", "\n\n" + zoneRule("twice")));
        assertThat(problems)
                .singleElement()
                .hasToString("b.epl:3:1: rule name 'twice' is used twice in the rule set");
    }

    @Test
    void twoFilesWithTheSameModuleNameAreReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile("x/a.epl", zoneRule("r1")),
                        new RuleFile("y/a.epl", zoneRule("r2")));
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("y/a.epl:1:1: another file has the module name a");
    }

    @Test
    void aModuleWhoseOnlyRuleBreaksTheContractIsNotAlsoSaidToHaveNoRule() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile(
                                "m.epl",
                                rule(
                                        "r",
                                        "d",
                                        "INFO",
                                        "zone",
                                        "{zone}",
                                        "select no2 from AirQualityObserved")));
        assertThat(problems)
                .isNotEmpty()
                .noneMatch(p -> p.message().contains("no alerting statement"));
    }

    @Test
    void aModuleWithoutAlertingStatementIsReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile(
                                "quiet.epl", "insert into S select zone from AirQualityObserved;"));
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("the module has no alerting statement");
    }

    @Test
    void problemsInSeveralFilesAreAllReported() {
        List<RuleProblem> problems =
                problems(
                        new RuleFile("a.epl", "select zone frm AirQualityObserved;"),
                        new RuleFile(
                                "b.epl",
                                rule(
                                        "r",
                                        null,
                                        "INFO",
                                        "zone",
                                        "{zone}",
                                        "select zone from AirQualityObserved")));
        assertThat(problems).extracting(RuleProblem::file).containsExactly("a.epl", "b.epl");
    }

    /** A zone's run of NO2 readings above 100, kept in a window recovered from its rows. */
    private static String windowsModule(String window, String extra) {
        return "@Tag(name='recovery', value='windows')\n"
                + window
                + ";\n"
                + "on AirQualityObserved(no2 > 100) as r merge Run as s where s.zone = r.zone\n"
                + "when not matched then insert select r.zone as zone,"
                + " r.dateObserved.toEpochMilli() as since;\n"
                + extra
                + rule(
                        "long-run",
                        "d",
                        "INFO",
                        "zone",
                        "run in {zone}",
                        "select zone from Run(since < 0)");
    }

    @Test
    void aModuleRecoveredFromItsWindowsKeepsNoHistory() throws Exception {
        RuleSet set =
                RuleSet.compile(
                        1,
                        List.of(
                                new RuleFile(
                                        "run.epl",
                                        windowsModule(
                                                "create window Run#unique(zone) as"
                                                        + " (zone string, since long)",
                                                ""))));
        RuleSet.CompiledModule module = set.modules().get(0);
        assertThat(module.recovery()).isEqualTo(Recovery.WINDOWS);
        assertThat(module.horizon()).isZero();
        assertThat(set.horizon(Partitioning.ZONE, "AirQualityObserved")).isZero();
        assertThat(set.windowRecovered(Partitioning.ZONE)).containsExactly("run");
    }

    private static final String RUN_WINDOW =
            "create window Run#unique(zone) as (zone string, since long)";

    /** The one problem of the windows-recovered module {@code window} + {@code extra}. */
    private static RuleProblem refusal(String window, String extra) {
        List<RuleProblem> problems =
                problems(new RuleFile("run.epl", windowsModule(window, extra)));
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void aModuleRecoveredFromItsWindowsThatKeepsStateElsewhereIsRefusedAtTheLine()
            throws Exception {
        RuleProblem dataWindow =
                refusal(
                        RUN_WINDOW,
                        "insert into Recent select zone, no2 from AirQualityObserved#time(1"
                                + " hour);\n");
        assertThat(dataWindow.line()).isEqualTo(5);
        assertThat(dataWindow.message()).contains("a data window on a stream");
        assertThat(
                        refusal(
                                        RUN_WINDOW,
                                        "insert into Tally select zone, count(*) as n"
                                                + " from AirQualityObserved;\n")
                                .message())
                .contains("count(...) over a stream");
        assertThat(
                        refusal(
                                        RUN_WINDOW,
                                        "insert into Rise select a.zone as zone from pattern [every"
                                                + " a=AirQualityObserved ->"
                                                + " AirQualityObserved(no2 > a.no2)];\n")
                                .message())
                .contains("only a clock pattern");
        // A constant holds no state, annotated or not; a variable does.
        RuleSet constant =
                RuleSet.compile(
                        1,
                        List.of(
                                new RuleFile(
                                        "run.epl",
                                        windowsModule(
                                                RUN_WINDOW,
                                                "@Name('threshold') create constant variable int"
                                                        + " threshold = 5;\n"))));
        assertThat(constant.modules().get(0).recovery()).isEqualTo(Recovery.WINDOWS);
        assertThat(refusal(RUN_WINDOW, "create variable int seen = 0;\n").message())
                .contains("variables are not checkpointed");
    }

    @Test
    void aWindowWhoseRowsCannotBeCheckpointedAndRoutedIsRefused() {
        assertThat(
                        problems(
                                new RuleFile(
                                        "run.epl",
                                        windowsModule(
                                                "create window Run#unique(zone) as"
                                                        + " (zone string, since long, ratio"
                                                        + " float)",
                                                ""))))
                .anySatisfy(
                        p ->
                                assertThat(p.message())
                                        .contains("column ratio of window Run is a Float"));
        assertThat(
                        refusal("create window Run#time(1 hour) as (zone string, since long)", "")
                                .message())
                .contains("window Run is #time");
        assertThat(
                        problems(
                                new RuleFile(
                                        "run.epl",
                                        windowsModule(
                                                        "create window Run#unique(area) as (area"
                                                            + " string, zone2 string, since long)",
                                                        "")
                                                .replace("s.zone = r.zone", "s.area = r.zone")
                                                .replace("r.zone as zone,", "r.zone as area,")
                                                .replace(
                                                        "select zone from Run",
                                                        "select area as zone from Run"))))
                .singleElement()
                .asString()
                .contains("has no column 'zone'");
    }
}
