package io.invicta.tools.replay;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TemplateAndCoordinatesTest {

    @Test
    void placeholdersArePaddedAndShifted() {
        Map<String, String> values = Map.of("ESTACION", "4", "n", "1", "ANO", "2023");

        assertThat(Template.compile("28079${ESTACION:03}").render(values::get))
                .isEqualTo("28079004");
        assertThat(Template.compile("${ANO}-${n-1:02}:00").render(values::get))
                .isEqualTo("2023-00:00");
        assertThat(Template.compile("H${n+9:02}").render(values::get)).isEqualTo("H10");
    }

    @Test
    void aMissingNameOrANonIntegerIsARowReject() {
        assertThatThrownBy(() -> Template.compile("${nope}").render(Map.<String, String>of()::get))
                .isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> Template.compile("${x:02}").render(Map.of("x", "a")::get))
                .isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("not an integer");
    }

    @Test
    void malformedPlaceholdersAreRefusedWhenTheMappingLoads() {
        assertThatThrownBy(() -> Template.compile("${a:b}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dmsCoordinatesOfTheMadridStationFileParse() {
        assertThat(Coordinates.parseDms("3°42'43.91\"O")).isCloseTo(-3.712197, within(1e-6));
        assertThat(Coordinates.parseDms("40°25'25.98\"N")).isCloseTo(40.423883, within(1e-6));
        assertThat(Coordinates.parseDms("40º 24' 52''N")).isCloseTo(40.414444, within(1e-6));
        assertThat(Coordinates.parseDms("8°36'39.6\"W")).isCloseTo(-8.611, within(1e-6));
    }

    @Test
    void corruptedDecimalCoordinatesAreNotMistakenForDms() {
        assertThatThrownBy(() -> Coordinates.parseDms("-37.122.567"))
                .isInstanceOf(RowRejectedException.class);
        assertThatThrownBy(() -> Coordinates.parseDms("40°75'00\"N"))
                .isInstanceOf(RowRejectedException.class);
    }
}
