package io.invicta.tools.generate;

import io.invicta.schemas.WeatherObserved;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateCommandTest {

    private static GeneratorConfig parse(String... args) {
        GenerateCommand command = new GenerateCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    @Test
    void sensorsAreSplitOverTheSixSensorTypesAndVehiclesDefaultToATenth() {
        for (int sensors : new int[] {10, 1000, 100_000}) {
            GeneratorConfig c = parse("--sensors", String.valueOf(sensors));
            int sum = 0;
            for (EventType t : EventType.ALL) {
                if (t != EventType.VEHICLE_POSITIONS) {
                    assertThat(c.counts.get(t)).as("%s of %d", t, sensors).isPositive();
                    sum += c.counts.get(t);
                }
            }
            assertThat(sum).isEqualTo(sensors);
            assertThat(c.counts.get(EventType.VEHICLE_POSITIONS))
                    .isEqualTo(Math.max(1, sensors / 10));
        }
        assertThat(parse("--sensors", "1000").counts.get(EventType.TRAFFIC_FLOW)).isEqualTo(350);
    }

    @Test
    void sensorCountsOutsideTenToOneHundredThousandAreRejected() {
        assertThatThrownBy(() -> parse("--sensors", "9")).hasMessageContaining("--sensors");
        assertThatThrownBy(() -> parse("--sensors", "100001")).hasMessageContaining("--sensors");
    }

    @Test
    void eventsLimitStopsAtExactlyThatManyRecordsAnomaliesIncluded() {
        GeneratorConfig c =
                parse(
                        "--sensors",
                        "100",
                        "--events",
                        "12345",
                        "--anomalies",
                        "default",
                        "--anomaly",
                        "duplicate:rate=0.05",
                        "--anomaly",
                        "corrupt:rate=0.05",
                        "--start",
                        "2026-11-24T10:00:00Z");
        TestStreams.Run run = TestStreams.run(c);
        assertThat(run.records()).hasSize(12345);
        assertThat(run.summary().total()).isEqualTo(12345);
    }

    @Test
    void durationBoundsTheEventTimesOfABoundedRun() {
        GeneratorConfig c =
                parse("--sensors", "50", "--start", "2026-11-24T10:00:00Z", "--duration", "PT30M");
        TestStreams.Decoder decoder = new TestStreams.Decoder();
        long start = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
        List<Long> times =
                TestStreams.run(c).records().stream()
                        .map(r -> TestStreams.time(decoder.decode(r)))
                        .toList();
        assertThat(times).isNotEmpty().allMatch(t -> t >= start && t < start + 30 * 60_000);
        assertThat(times.get(times.size() - 1)).isGreaterThan(start + 29 * 60_000);
    }

    @Test
    void typesCountsAndIntervalsCanBeChosenPerType() {
        GeneratorConfig c =
                parse(
                        "--sensors",
                        "100",
                        "--types",
                        "weather,noise",
                        "--count",
                        "weather=4",
                        "--interval",
                        "weather=PT10M",
                        "--start",
                        "2026-11-24T10:00:00Z",
                        "--duration",
                        "PT1H");
        TestStreams.Run run = TestStreams.run(c);
        Set<EventType> topics =
                run.records().stream().map(TestStreams.Rec::type).collect(Collectors.toSet());
        assertThat(topics).containsExactlyInAnyOrder(EventType.WEATHER, EventType.NOISE);
        TestStreams.Decoder decoder = new TestStreams.Decoder();
        Map<String, Long> last = new HashMap<>();
        int weather = 0;
        for (TestStreams.Rec r : run.records()) {
            if (r.type() == EventType.WEATHER) {
                WeatherObserved w = (WeatherObserved) decoder.decode(r);
                Long before = last.put(w.getId(), w.getDateObserved().toEpochMilli());
                if (before != null) {
                    assertThat(w.getDateObserved().toEpochMilli() - before).isEqualTo(600_000L);
                }
                weather++;
            }
        }
        assertThat(weather).isEqualTo(4 * 6);
    }

    @Test
    void aBadAnomalySpecEndsWithAOneLineErrorAndExitCodeTwoBeforeAnyOutput() {
        StringWriter err = new StringWriter();
        CommandLine cli = GenerateCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("--dry-run", "--events", "10", "--anomaly", "meteor-strike");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("generate: unknown anomaly 'meteor-strike'")
                .doesNotContain("Exception");
    }

    @Test
    void unknownTypesAndAnomalyMixesAreRejected() {
        assertThatThrownBy(() -> parse("--types", "seismic")).hasMessageContaining("seismic");
        assertThatThrownBy(() -> parse("--anomalies", "everything"))
                .hasMessageContaining("--anomalies");
    }
}
