package io.invicta.tools.replay;

import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Broken input rows are reported with their line and reason, and never stop the run unless
 * --strict.
 */
class MalformedRowsTest {

    @TempDir Path tmp;

    private static final String TAXI_HEADER =
            "\"TRIP_ID\",\"CALL_TYPE\",\"ORIGIN_CALL\",\"ORIGIN_STAND\",\"TAXI_ID\",\"TIMESTAMP\",\"DAY_TYPE\",\"MISSING_DATA\",\"POLYLINE\"";

    private static String trip(String id, String taxi, String timestamp, String polyline) {
        return String.join(
                ",",
                "\"" + id + "\"",
                "\"C\"",
                "\"\"",
                "\"\"",
                "\"" + taxi + "\"",
                "\"" + timestamp + "\"",
                "\"A\"",
                "\"False\"",
                "\"" + polyline + "\"");
    }

    @Test
    void brokenTaxiRowsAreRejectedWithLineNumbersAndTheGoodOnesAllArrive() throws Exception {
        Path file = tmp.resolve("trips.csv");
        Files.writeString(
                file,
                String.join(
                                "\r\n",
                                TAXI_HEADER,
                                trip(
                                        "1",
                                        "20000001",
                                        "1372636858",
                                        "[[-8.61,41.14],[-8.62,41.15]]"), // line 2: good, 2 fixes
                                trip(
                                        "2",
                                        "20000002",
                                        "yesterday",
                                        "[[-8.61,41.14]]"), // line 3: bad time
                                trip(
                                        "3",
                                        "20000003",
                                        "1372636858",
                                        "[[-8.61,41.14],[-8.62"), // line 4: broken JSON
                                trip(
                                        "4",
                                        "20000004",
                                        "1372636858",
                                        "[[-8.61,\\\"north\\\"]]"), // line 5: broken quoting
                                "\"5\",\"C\"", // line 6: short row
                                trip("6", "20000006", "1372636858", "[]"), // line 7: no fixes
                                trip(
                                        "8",
                                        "20000008",
                                        "1372636858",
                                        "[[-8.61,\"\"north\"\"]]"), // line 8: not a number
                                trip("7", "20000007", "1372636873", "[[-8.60,41.16]]"))
                        + "\r\n", // line 9: good
                StandardCharsets.UTF_8);
        Replayer replayer =
                MappingTestSupport.replayer(RepoFiles.path("data/mappings/porto-taxi.yaml"), false);

        List<ReplayEvent> events = MappingTestSupport.run(replayer, file).events;

        assertThat(events)
                .extracting(ReplayEvent::key)
                .containsExactly("20000001", "20000001", "20000007");
        ReplayStats stats = replayer.stats();
        assertThat(stats.rowsRead).isEqualTo(8);
        assertThat(stats.rowsWithoutEvents).isEqualTo(1);
        assertThat(stats.firstRejects)
                .extracting(ReplayStats.Reject::line, ReplayStats.Reject::reason)
                .containsExactly(
                        Tuple.tuple(3L, "bad-time"),
                        Tuple.tuple(4L, "bad-json-array"),
                        Tuple.tuple(5L, "bad-csv"),
                        Tuple.tuple(6L, "missing-column"),
                        Tuple.tuple(8L, "bad-number"));
    }

    @Test
    void aRowWithOneBadHourProducesNoneOfItsHours() throws Exception {
        Path file = tmp.resolve("madrid.csv");
        String header =
                "PROVINCIA;MUNICIPIO;ESTACION;MAGNITUD;PUNTO_MUESTREO;ANO;MES;DIA;" + hours();
        String good = "28;079;4;8;p;2023;01;02" + ";3;V".repeat(24);
        String badHour = "28;079;4;8;p;2023;01;03" + ";3;V".repeat(10) + ";x;V" + ";3;V".repeat(13);
        String unknownStation = "28;079;999;8;p;2023;01;04" + ";3;V".repeat(24);
        Files.writeString(file, String.join("\n", header, good, badHour, unknownStation) + "\n");
        Replayer replayer =
                MappingTestSupport.replayer(
                        RepoFiles.path("data/mappings/madrid-air-quality.yaml"), false);

        List<ReplayEvent> events = MappingTestSupport.run(replayer, file).events;

        assertThat(events).hasSize(24);
        assertThat(replayer.stats().rejectedByReason)
                .containsEntry("bad-number", 1L)
                .containsEntry("join-miss", 1L);
        assertThat(replayer.stats().firstRejects.get(0).detail()).contains("'x'");
    }

    @Test
    void strictModeStopsAtTheFirstRejectBeforeProducingAnything() throws Exception {
        Path file = tmp.resolve("trips.csv");
        Files.writeString(
                file,
                String.join(
                                "\n",
                                TAXI_HEADER,
                                trip("1", "20000001", "1372636858", "[[-8.61,41.14]]"),
                                trip("2", "20000002", "soon", "[[-8.61,41.14]]"),
                                trip("3", "20000003", "1372636858", "[[-8.61,41.14]]"))
                        + "\n");
        Replayer replayer =
                MappingTestSupport.replayer(RepoFiles.path("data/mappings/porto-taxi.yaml"), true);
        MappingTestSupport.Collected sink = new MappingTestSupport.Collected();

        assertThatThrownBy(
                        () ->
                                replayer.run(
                                        List.of(file),
                                        sink,
                                        new PrintStream(new ByteArrayOutputStream()),
                                        false))
                .isInstanceOf(Replayer.StrictModeException.class)
                .hasMessageContaining("trips.csv:3");
        assertThat(sink.events).isEmpty();
    }

    @Test
    void strictModeExitsWithCodeTwoFromTheCommandLine() throws Exception {
        Path file = tmp.resolve("trips.csv");
        Files.writeString(
                file, TAXI_HEADER + "\n" + trip("2", "20000002", "soon", "[[-8.61,41.14]]") + "\n");

        int exit =
                new CommandLine(new ReplayCommand())
                        .execute(
                                RepoFiles.path("data/mappings/porto-taxi.yaml").toString(),
                                file.toString(),
                                "--dry-run",
                                "--strict");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void brokenJsonLinesAreRejectedAndTheRestAreMapped() throws Exception {
        Path mapping = tmp.resolve("positions.yaml");
        Files.writeString(
                mapping,
                String.join(
                        "\n",
                        "input: {format: jsonl}",
                        "target: {type: VehiclePosition, topic: vehicle-positions, key: vehicleId}",
                        "time: {template: '${ts}', format: iso-instant}",
                        "fields:",
                        "  id: 'bus-${bus}'",
                        "  vehicleId: '${bus}'",
                        "  vehicleType: {constant: bus}",
                        "  location.lat: {column: pos.lat}",
                        "  location.lon: {column: pos.lon}",
                        "  speed: {column: speed_ms, multiply: 3.6}"));
        Path data = tmp.resolve("positions.jsonl");
        Files.writeString(
                data,
                String.join(
                        "\n",
                        "{\"bus\": \"205\", \"ts\": \"2024-05-01T08:00:00+01:00\", \"pos\":"
                                + " {\"lat\": 41.15, \"lon\": -8.61}, \"speed_ms\": 10}",
                        "{\"bus\": \"205\", \"ts\": \"2024-05-01T08:00:15+01:00\", \"pos\":"
                                + " {\"lat\": 41.15",
                        "",
                        "[1, 2, 3]",
                        "{\"bus\": \"206\", \"ts\": \"2024-05-01T08:00:20+01:00\", \"pos\":"
                                + " {\"lat\": 41.16, \"lon\": -8.62}}"));
        Replayer replayer = MappingTestSupport.replayer(mapping, false);

        List<ReplayEvent> events = MappingTestSupport.run(replayer, data).events;

        assertThat(events)
                .extracting(ReplayEvent::key, ReplayEvent::eventTime)
                .containsExactly(
                        Tuple.tuple("205", Instant.parse("2024-05-01T07:00:00Z").toEpochMilli()),
                        Tuple.tuple("206", Instant.parse("2024-05-01T07:00:20Z").toEpochMilli()));
        assertThat(replayer.stats().firstRejects)
                .extracting(ReplayStats.Reject::line)
                .containsExactly(2L, 4L);
        VehiclePosition first =
                ((DecodeResult.Success<VehiclePosition>)
                                Codecs.forType(VehiclePosition.class).decode(events.get(0).value()))
                        .value();
        assertThat(first.getSpeed()).isEqualTo(36.0);
    }

    @Test
    void aMappingWithATypoIsRefusedNamingTheKey() throws Exception {
        Path mapping = tmp.resolve("typo.yaml");
        Files.writeString(
                mapping,
                "input: {format: csv}\ntarget: {type: VehiclePosition, topic: t}\n"
                        + "time: {template: '${t}', format: epoch-millis}\nfeilds: {id: x}\n");

        assertThatThrownBy(() -> CompiledMapping.load(mapping)).hasMessageContaining("feilds");
    }

    @Test
    void aMappingToAFieldTheSchemaLacksIsRefusedNamingTheField() throws Exception {
        Path mapping = tmp.resolve("nofield.yaml");
        Files.writeString(
                mapping,
                "input: {format: csv}\n"
                        + "target: {type: AirQualityObserved, topic: t}\n"
                        + "time: {template: '${t}', format: epoch-millis}\n"
                        + "fields: {id: x, pm2_5: '${v}'}\n");

        assertThatThrownBy(() -> CompiledMapping.load(mapping))
                .hasMessageContaining("pm2_5")
                .hasMessageContaining("pm25");
    }

    private static String hours() {
        StringBuilder b = new StringBuilder();
        for (int h = 1; h <= 24; h++) {
            b.append(h > 1 ? ";" : "").append(String.format("H%02d;V%02d", h, h));
        }
        return b.toString();
    }

    /**
     * Runs the replay command in a dry run; returns the exit code and what it printed on stderr.
     */
    private static String[] replayDry(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true));
            List<String> all = new ArrayList<>(List.of(args));
            all.add("--dry-run");
            exit = new CommandLine(new ReplayCommand()).execute(all.toArray(String[]::new));
        } finally {
            System.setErr(saved);
        }
        return new String[] {String.valueOf(exit), err.toString()};
    }

    private Path mapping(String name, String fields) throws Exception {
        return Files.writeString(
                tmp.resolve(name),
                "input: {format: csv, header: true}\n"
                        + "target: {type: AirQualityObserved}\n"
                        + "time: {template: '${t}', format: epoch-millis}\n"
                        + "fields: {"
                        + fields
                        + "}\n");
    }

    @Test
    void aPlaceholderThatNamesNoColumnOfTheFileStopsTheRunNamingIt() throws Exception {
        Path mapping =
                mapping(
                        "minus.yaml",
                        "id: '${a-b}', location.lat: '${lat}', location.lon: '${lon}', no2:"
                                + " '${v}'");
        Path file = tmp.resolve("rows.csv");
        Files.writeString(
                file,
                "a,b,t,lat,lon,v\n"
                        + "1,2,1700000000000,41.1,-8.6,10\n"
                        + "3,4,1700000060000,41.1,-8.6,11\n");

        String[] run = replayDry(mapping.toString(), file.toString());

        assertThat(run[0]).isEqualTo("3");
        assertThat(run[1]).contains("has no column a-b").contains("[a, b, lat, lon, t, v]");
    }

    @Test
    void aRunThatRejectsNearlyEveryRowExitsNonZeroNamingTheShare() throws Exception {
        Path mapping =
                mapping(
                        "values.yaml",
                        "id: '${id}', location.lat: '${lat}', location.lon: '${lon}', no2: '${v}'");
        Path file = tmp.resolve("rows.csv");
        Files.writeString(
                file,
                "id,t,lat,lon,v\ns1,1700000000000,41.1,-8.6,n/a\ns1,1700000060000,41.1,-8.6,n/a\n"
                        + "s1,1700000120000,41.1,-8.6,12\n");

        String[] run = replayDry(mapping.toString(), file.toString());

        assertThat(run[0]).isEqualTo("4");
        assertThat(run[1]).contains("2 of 3 rows rejected").contains("--max-rejected");
        assertThat(replayDry(mapping.toString(), file.toString(), "--max-rejected", "0.7")[0])
                .as("allowed explicitly")
                .isEqualTo("0");
    }

    @Test
    void aRequiredFieldTheMappingNeverSetsIsRefusedWhenItLoads() throws Exception {
        Path mapping = tmp.resolve("nolocation.yaml");
        Files.writeString(
                mapping,
                "input: {format: csv}\n"
                        + "target: {type: AirQualityObserved}\n"
                        + "time: {template: '${t}', format: epoch-millis}\n"
                        + "fields: {id: '${id}', no2: '${v}'}\n");

        assertThatThrownBy(() -> CompiledMapping.load(mapping))
                .hasMessageContaining("the mapping sets no value for location.lat")
                .hasMessageContaining("fields.location.lat");
    }

    @Test
    void anEntryWhoseMeasurementIsEmptyProducesNoEventAndIsCounted() throws Exception {
        Path mapping = tmp.resolve("coded.yaml");
        Files.writeString(
                mapping,
                "input: {format: csv, header: true}\n"
                        + "target: {type: AirQualityObserved}\n"
                        + "time: {template: '${t}', format: epoch-millis}\n"
                        + "fields: {id: '${id}', location.lat: '${lat}', location.lon: '${lon}'}\n"
                        + "measurement:\n"
                        + "  field: {column: code, map: {'8': no2}}\n"
                        + "  value: {column: v}\n");
        Path file = tmp.resolve("coded.csv");
        Files.writeString(
                file,
                "id,t,lat,lon,code,v\n"
                        + "s1,1700000000000,41.1,-8.6,8,40\n"
                        + "s1,1700000060000,41.1,-8.6,8,\n"
                        + "s1,1700000120000,41.1,-8.6,8,42\n");
        Replayer replayer = MappingTestSupport.replayer(mapping, false);

        MappingTestSupport.Collected sink = MappingTestSupport.run(replayer, file);

        assertThat(sink.events).hasSize(2);
        assertThat(replayer.stats().emptyMeasurementsSkipped).isEqualTo(1);
        assertThat(replayer.stats().rowsRejected()).isZero();
    }

    @Test
    void isoLocalTimesAcceptAnyNumberOfFractionDigitsAndASpaceBeforeTheTime() throws Exception {
        Path mapping = tmp.resolve("fractions.yaml");
        Files.writeString(
                mapping,
                "input: {format: csv, header: true}\n"
                        + "target: {type: AirQualityObserved}\n"
                        + "time: {template: '${t}', format: iso-local, zone: UTC}\n"
                        + "fields: {id: s1, location.lat: '41.1', location.lon: '-8.6', no2:"
                        + " '${v}'}\n");
        Path file = tmp.resolve("fractions.csv");
        Files.writeString(
                file,
                "t,v\n2023-05-04 12:00:17.65,1\n2023-05-04T12:00:04.145,2\n2023-05-04T12:01,3\n");

        MappingTestSupport.Collected sink =
                MappingTestSupport.run(MappingTestSupport.replayer(mapping, true), file);

        assertThat(sink.events)
                .extracting(ReplayEvent::eventTime)
                .containsExactly(
                        Instant.parse("2023-05-04T12:00:04.145Z").toEpochMilli(),
                        Instant.parse("2023-05-04T12:00:17.650Z").toEpochMilli(),
                        Instant.parse("2023-05-04T12:01:00Z").toEpochMilli());
    }

    @Test
    void aShiftMovesEveryEventTimeForFeedsThatStampTheEndOfAnInterval() throws Exception {
        Path mapping = tmp.resolve("shift.yaml");
        Files.writeString(
                mapping,
                "input: {format: csv, header: true}\n"
                        + "target: {type: AirQualityObserved}\n"
                        + "time: {template: '${t}', format: iso-local, zone: UTC, shift: -PT1H}\n"
                        + "fields: {id: s1, location.lat: '41.1', location.lon: '-8.6', no2:"
                        + " '${v}'}\n");
        Path file = tmp.resolve("hourly.csv");
        Files.writeString(file, "t,v\n2023-05-04T13:00,1\n2023-05-04T14:00,2\n");

        MappingTestSupport.Collected sink =
                MappingTestSupport.run(MappingTestSupport.replayer(mapping, true), file);

        assertThat(sink.events)
                .extracting(ReplayEvent::eventTime)
                .containsExactly(
                        Instant.parse("2023-05-04T12:00:00Z").toEpochMilli(),
                        Instant.parse("2023-05-04T13:00:00Z").toEpochMilli());
        assertThatThrownBy(
                        () ->
                                CompiledMapping.load(
                                        Files.writeString(
                                                tmp.resolve("badshift.yaml"),
                                                Files.readString(mapping)
                                                        .replace("-PT1H", "an hour"))))
                .hasMessageContaining("time.shift 'an hour'");
    }
}
