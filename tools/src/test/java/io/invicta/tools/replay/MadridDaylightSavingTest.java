package io.invicta.tools.replay;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 2023-03-26: Madrid's clocks go from 02:00 CET to 03:00 CEST; the day has 23 hours. */
class MadridDaylightSavingTest {

    private static final String HEADER =
            "PROVINCIA;MUNICIPIO;ESTACION;MAGNITUD;PUNTO_MUESTREO;ANO;MES;DIA;"
                + "H01;V01;H02;V02;H03;V03;H04;V04;H05;V05;H06;V06;H07;V07;H08;V08;H09;V09;H10;V10;H11;V11;H12;V12;"
                + "H13;V13;H14;V14;H15;V15;H16;V16;H17;V17;H18;V18;H19;V19;H20;V20;H21;V21;H22;V22;H23;V23;H24;V24";

    @TempDir Path tmp;

    @Test
    void theShippedDstDayGivesTwentyThreeConsecutiveUtcHoursStartingAtLocalMidnight()
            throws Exception {
        // Station 4 (Plaza de España), NO2 on 2023-03-26, exactly as in the shipped March file: H03
        // is flagged N.
        String row =
                Files.readAllLines(
                                RepoFiles.path("data/madrid-air-quality-2023/hourly/mar_mo23.csv"))
                        .stream()
                        .filter(l -> l.startsWith("28;079;4;8;") && l.contains(";2023;03;26;"))
                        .findFirst()
                        .orElseThrow();
        Path file = write(row);

        List<AirQualityObserved> events = decode(MappingTestSupport.run(replayer(), file).events);

        assertThat(events).hasSize(23);
        assertThat(events.get(0).getDateObserved())
                .isEqualTo(Instant.parse("2023-03-25T23:00:00Z")); // H01 00:00 CET
        assertThat(events.get(1).getDateObserved())
                .isEqualTo(Instant.parse("2023-03-26T00:00:00Z")); // H02 01:00 CET
        assertThat(events.get(2).getDateObserved())
                .isEqualTo(Instant.parse("2023-03-26T01:00:00Z")); // H04 03:00 CEST
        assertThat(events.get(22).getDateObserved())
                .isEqualTo(Instant.parse("2023-03-26T21:00:00Z")); // H24 23:00 CEST
        for (int i = 1; i < events.size(); i++) {
            assertThat(
                            events.get(i).getDateObserved().toEpochMilli()
                                    - events.get(i - 1).getDateObserved().toEpochMilli())
                    .as("one hour between consecutive values")
                    .isEqualTo(3_600_000L);
        }
        String[] cells = row.split(";");
        assertThat(events.get(2).getNo2())
                .isEqualTo(Double.parseDouble(cells[8 + 2 * 3])); // H04's value
    }

    @Test
    void aValueFlaggedValidAtTheSkippedLocalHourIsRejectedNotMoved() throws Exception {
        String row = "28;079;4;8;28079004_8_8;2023;03;26" + ";5;V".repeat(24);
        Path file = write(row);
        Replayer replayer = replayer();

        List<ReplayEvent> events = MappingTestSupport.run(replayer, file).events;

        assertThat(events).isEmpty();
        assertThat(replayer.stats().rejectedByReason).containsEntry("nonexistent-local-time", 1L);
        assertThat(replayer.stats().firstRejects.get(0).line()).isEqualTo(2);
    }

    @Test
    void anOrdinaryDayStartsAtLocalMidnightInWinterTime() throws Exception {
        Path file = write("28;079;4;8;28079004_8_8;2023;01;15" + ";7;V".repeat(24));

        List<AirQualityObserved> events = decode(MappingTestSupport.run(replayer(), file).events);

        assertThat(events).hasSize(24);
        assertThat(events.get(0).getDateObserved())
                .isEqualTo(Instant.parse("2023-01-14T23:00:00Z"));
        assertThat(events.get(23).getDateObserved())
                .isEqualTo(Instant.parse("2023-01-15T22:00:00Z"));
    }

    private Replayer replayer() throws Exception {
        return MappingTestSupport.replayer(
                RepoFiles.path("data/mappings/madrid-air-quality.yaml"), false);
    }

    private Path write(String row) throws Exception {
        Path file = tmp.resolve("day.csv");
        Files.writeString(file, HEADER + "\n" + row + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static List<AirQualityObserved> decode(List<ReplayEvent> events) {
        AvroCodec<AirQualityObserved> codec = Codecs.forType(AirQualityObserved.class);
        return events.stream()
                .map(
                        e ->
                                ((DecodeResult.Success<AirQualityObserved>) codec.decode(e.value()))
                                        .value())
                .toList();
    }
}
