package io.invicta.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The EEA band table as data: the shipped values, the boundary convention at every limit, other
 * tables.
 */
class EaqiTableTest {

    /** The EEA's published limits (µg/m³), written out here independently of the shipped file. */
    private static final Map<Eaqi.Pollutant, double[]> EEA_2021 =
            Map.of(
                    Eaqi.Pollutant.PM25, new double[] {10, 20, 25, 50, 75},
                    Eaqi.Pollutant.PM10, new double[] {20, 40, 50, 100, 150},
                    Eaqi.Pollutant.NO2, new double[] {40, 90, 120, 230, 340},
                    Eaqi.Pollutant.O3, new double[] {50, 100, 130, 240, 380},
                    Eaqi.Pollutant.SO2, new double[] {100, 200, 350, 500, 750});

    @Test
    void theShippedTableIsTheEeasOfTwentyTwentyOne() {
        assertThat(Eaqi.shipped().version()).isEqualTo("EEA-2021");
        EEA_2021.forEach(
                (p, limits) ->
                        assertThat(Eaqi.shipped().upperLimits(p))
                                .as(p.name())
                                .containsExactly(limits));
    }

    @Test
    void aValueOnEveryLimitOfEveryPollutantBelongsToTheLowerBandAndAboveItToTheNext() {
        Eaqi.Band[] bands = Eaqi.Band.values();
        EEA_2021.forEach(
                (p, limits) -> {
                    for (int i = 0; i < limits.length; i++) {
                        assertThat(Eaqi.band(p, limits[i]))
                                .as("%s = %s", p, limits[i])
                                .isEqualTo(bands[i]);
                        assertThat(Eaqi.band(p, Math.nextUp(limits[i])))
                                .as("%s just above %s", p, limits[i])
                                .isEqualTo(bands[i + 1]);
                    }
                    assertThat(Eaqi.band(p, 0)).isEqualTo(Eaqi.Band.GOOD);
                });
    }

    @Test
    void aRevisedTableIsAFileOfTheSameFormat(@TempDir Path dir) throws Exception {
        Path revised =
                Files.writeString(
                        dir.resolve("eaqi.properties"),
                        "version=TEST\n"
                                + "PM25=5,15,25,50,75\n"
                                + "PM10=15,45,50,100,150\n"
                                + "NO2=10,25,60,100,150\n"
                                + "O3=60,100,120,160,180\n"
                                + "SO2=20,40,125,190,275\n");

        Eaqi table = Eaqi.read(revised);

        assertThat(table.version()).isEqualTo("TEST");
        assertThat(table.bandOf(Eaqi.Pollutant.NO2, 30)).isEqualTo(Eaqi.Band.MODERATE);
        assertThat(Eaqi.band(Eaqi.Pollutant.NO2, 30))
                .as("the shipped table")
                .isEqualTo(Eaqi.Band.GOOD);
    }

    @Test
    void anIncompleteOrUnorderedTableIsRefusedNamingWhatIsWrong(@TempDir Path dir)
            throws Exception {
        Path missing =
                Files.writeString(dir.resolve("a.properties"), "version=X\nPM25=10,20,25,50,75\n");
        assertThatThrownBy(() -> Eaqi.read(missing)).hasMessageContaining("no limits for PM10");
        Path unordered =
                Files.writeString(
                        dir.resolve("b.properties"),
                        "version=X\n"
                                + "PM25=10,20,25,50,75\n"
                                + "PM10=20,40,50,100,150\n"
                                + "NO2=40,30,120,230,340\n"
                                + "O3=50,100,130,240,380\n"
                                + "SO2=100,200,350,500,750\n");
        assertThatThrownBy(() -> Eaqi.read(unordered))
                .hasMessageContaining("the limits of NO2 must increase");
    }
}
