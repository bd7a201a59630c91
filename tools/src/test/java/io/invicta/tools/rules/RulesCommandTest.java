package io.invicta.tools.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/rules check and test, as an analyst runs them. */
class RulesCommandTest {

    static final Path SHIPPED = Path.of("..", "cep-rules");

    private static final String RULE =
            """
            @Name('no2-high')
            @Description('NO2 reading above 200')
            @Tag(name='severity', value='WARNING')
            @Tag(name='partition', value='zone')
            @Tag(name='message', value='NO2 {no2} in {zone}')
            select zone, no2 from AirQualityObserved(no2 > 200);
            """;

    private static final String CASES =
            """
            cases:
              - name: a high reading alerts
                start: 2024-05-01T10:00:00Z
                events:
                  - {type: AirQualityObserved, at: +0, id: s1, zone: z1, no2: 210}
                expect:
                  - {rule: no2-high, at: +0, key: z1, message: "NO2 %s in z1"}
              - name: a low reading does not
                start: 2024-05-01T10:00:00Z
                events:
                  - {type: AirQualityObserved, at: +0, id: s1, zone: z1, no2: 100}
                expect: []
            """;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RulesCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void checkOfTheShippedRulesSummarisesModulesRulesPartitionsAndHorizons() {
        Run run = run("check", SHIPPED.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "MODULE",
                        "air-quality",
                        "zone",
                        "24h",
                        "sensor-health",
                        "sensor",
                        "vehicles",
                        "vehicle",
                        "no2-three-high-readings")
                .containsPattern("OK: \\d+ modules, \\d+ rules, horizon 24h")
                // sensor health keeps its rows, not an hour of readings
                .containsPattern("sensor-health +sensor +windows +0 ");
    }

    @Test
    void checkOfABrokenFileExitsNonZeroWithFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.epl");
        Files.writeString(file, RULE + "\n\nselect zone frm AirQualityObserved;\n");
        Run run = run("check", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":9:17: Incorrect syntax near 'AirQualityObserved'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void checkReportsSandboxRefusals(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("evil.epl");
        Files.writeString(
                file, RULE.replace("select zone, no2", "select zone, no2, System.exit(0) as x"));
        Run run = run("check", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":6:26: sandbox: calling 'exit(...)' is not allowed");
    }

    @Test
    void checkOfAMissingPathIsAUsageError() {
        Run run = run("check", "no/such/dir");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no/such/dir: no such file or directory");
    }

    @Test
    void testPassesWhenEveryCaseMatches(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("no2.epl"), RULE);
        Files.writeString(dir.resolve("no2.tests.yaml"), CASES.formatted("210"));
        Run run = run("test", dir.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        PASS no2: a high reading alerts
                        PASS no2: a low reading does not
                        2 passed, 0 failed
                        """);
    }

    @Test
    void testReportsFailWithTheDifferencesOnAWrongExpectation(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("no2.epl"), RULE);
        Files.writeString(dir.resolve("no2.tests.yaml"), CASES.formatted("999"));
        Run first = run("test", dir.toString());
        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.out())
                .contains(
                        "FAIL no2: a high reading alerts",
                        "    expected but not raised: {rule=no2-high, at=0, key=z1, message=NO2 999"
                                + " in z1}",
                        "    raised but not expected: no2-high at 2024-05-01T10:00:00Z key z1 \"NO2"
                                + " 210 in z1\"",
                        "PASS no2: a low reading does not",
                        "1 passed, 1 failed");
        assertThat(run("test", dir.toString())).as("deterministic").isEqualTo(first);
    }

    @Test
    void testFailsForAModuleWithoutTestCases(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("no2.epl"), RULE);
        Run run = run("test", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL no2: no test cases");
    }

    @Test
    void theShippedRuleSetPassesItsOwnTests() {
        Run run = run("test", SHIPPED.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("FAIL").contains(" 0 failed");
    }

    @Test
    void aSubcommandIsRequired() {
        assertThat(run().exit()).isEqualTo(2);
    }
}
