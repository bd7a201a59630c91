package io.invicta.tools.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortoZonesTest {

    @Test
    void theGridNamesTheParishesFromWestToEastAndSouthToNorth() {
        assertThat(PortoZones.NAMES[PortoZones.zoneOf(41.150, -8.680)]).isEqualTo("Foz");
        assertThat(PortoZones.NAMES[PortoZones.zoneOf(41.150, -8.640)])
                .isEqualTo("Lordelo do Ouro");
        assertThat(PortoZones.NAMES[PortoZones.zoneOf(41.145, -8.610)]).isEqualTo("Baixa");
        assertThat(PortoZones.NAMES[PortoZones.zoneOf(41.145, -8.570)]).isEqualTo("Bonfim");
        assertThat(PortoZones.NAMES[PortoZones.zoneOf(41.170, -8.670)]).isEqualTo("Ramalde");
        assertThat(PortoZones.NAMES[PortoZones.zoneOf(41.165, -8.630)]).isEqualTo("Cedofeita");
        assertThat(PortoZones.NAMES[PortoZones.zoneOf(41.175, -8.600)]).isEqualTo("Paranhos");
        assertThat(PortoZones.NAMES[PortoZones.zoneOf(41.170, -8.560)]).isEqualTo("Campanhã");
    }

    @Test
    void theCornersOfTheBoxBelongToZones() {
        assertThat(PortoZones.zoneOf(PortoZones.LAT_MAX, PortoZones.LON_MAX)).isEqualTo(7);
        assertThat(PortoZones.zoneOf(PortoZones.LAT_MIN, PortoZones.LON_MIN)).isZero();
    }
}
