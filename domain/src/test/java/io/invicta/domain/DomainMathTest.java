package io.invicta.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DomainMathTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void eaqiBandsFollowTheEeaTableWithThresholdsBelongingToTheUpperBand() {
        assertThat(Eaqi.band(Eaqi.Pollutant.PM25, 9.9)).isEqualTo(Eaqi.Band.GOOD);
        assertThat(Eaqi.band(Eaqi.Pollutant.PM25, 10)).isEqualTo(Eaqi.Band.GOOD);
        assertThat(Eaqi.band(Eaqi.Pollutant.PM25, 10.01)).isEqualTo(Eaqi.Band.FAIR);
        assertThat(Eaqi.band(Eaqi.Pollutant.PM10, 45)).isEqualTo(Eaqi.Band.MODERATE);
        assertThat(Eaqi.band(Eaqi.Pollutant.NO2, 230)).isEqualTo(Eaqi.Band.POOR);
        assertThat(Eaqi.band(Eaqi.Pollutant.NO2, 231)).isEqualTo(Eaqi.Band.VERY_POOR);
        assertThat(Eaqi.band(Eaqi.Pollutant.O3, 500)).isEqualTo(Eaqi.Band.EXTREMELY_POOR);
        assertThat(Eaqi.band(Eaqi.Pollutant.SO2, 0)).isEqualTo(Eaqi.Band.GOOD);
        assertThatThrownBy(() -> Eaqi.band(Eaqi.Pollutant.NO2, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Eaqi.band(Eaqi.Pollutant.NO2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overallIndexIsTheWorstBandAndNamesItsPollutant() {
        Eaqi.Overall overall =
                Eaqi.overall(
                        Map.of(
                                Eaqi.Pollutant.NO2,
                                35.0,
                                Eaqi.Pollutant.PM10,
                                60.0,
                                Eaqi.Pollutant.O3,
                                110.0));

        assertThat(overall.band()).isEqualTo(Eaqi.Band.POOR);
        assertThat(overall.dominant()).isEqualTo(Eaqi.Pollutant.PM10);
        assertThat(overall.band().level()).isEqualTo(4);
    }

    @Test
    void decibelsAverageEnergeticallyNotArithmetically() {
        assertThat(Decibels.energeticMean(60, 70)).isCloseTo(67.40, within(0.01));
        assertThat(Decibels.energeticMean(55, 55, 55)).isCloseTo(55.0, within(1e-9));
    }

    @Test
    void ldenAddsEveningAndNightPenalties() {
        assertThat(Decibels.lden(60, 60, 60)).isCloseTo(66.39, within(0.01));
        // A quiet night still weighs: 65 day, 60 evening, 50 night.
        assertThat(Decibels.lden(65, 60, 50))
                .isCloseTo(63.88, within(0.01)); // (12·10^6.5 + 4·10^6.5 + 8·10^6) / 24
    }

    @Test
    void noisePeriodsUseLocalTimeAcrossTheSpringClockChange() {
        // 06:30 UTC is 06:30 local (night) in winter and 07:30 local (day) in summer time.
        assertThat(NoisePeriod.of(Instant.parse("2024-01-15T06:30:00Z"), LISBON))
                .isEqualTo(NoisePeriod.NIGHT);
        assertThat(NoisePeriod.of(Instant.parse("2024-03-31T06:30:00Z"), LISBON))
                .isEqualTo(NoisePeriod.DAY);
        assertThat(NoisePeriod.of(Instant.parse("2024-03-31T18:30:00Z"), LISBON))
                .isEqualTo(NoisePeriod.EVENING);
        assertThat(NoisePeriod.of(Instant.parse("2024-03-31T22:30:00Z"), LISBON))
                .isEqualTo(NoisePeriod.NIGHT);
    }

    @Test
    void hoursAfterMidnightBelongToTheNightThatStartedTheEveningBefore() {
        assertThat(NoisePeriod.ldenDay(Instant.parse("2024-03-31T01:30:00Z"), LISBON))
                .isEqualTo(LocalDate.of(2024, 3, 30));
        assertThat(NoisePeriod.ldenDay(Instant.parse("2024-03-31T12:00:00Z"), LISBON))
                .isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void spaceMeanSpeedIsFlowWeightedHarmonic() {
        Speeds speeds = new Speeds().add(100, 20).add(100, 80);

        assertThat(speeds.spaceMeanSpeed()).isCloseTo(32.0, within(1e-9));
        assertThat(speeds.vehicles()).isEqualTo(200);
        assertThat(new Speeds().spaceMeanSpeed()).isNaN();
        assertThat(new Speeds().add(10, 50).merge(new Speeds().add(30, 50)).spaceMeanSpeed())
                .isCloseTo(50, within(1e-9));
    }

    @Test
    void haversineGivesThePortoToLisbonDistance() {
        double meters = Geo.haversineMeters(41.1496, -8.6110, 38.7223, -9.1393);

        assertThat(meters / 1000).isCloseTo(274.0, within(1.0));
        assertThat(Geo.haversineMeters(41.15, -8.61, 41.15, -8.61)).isZero();
    }

    @Test
    void geohashMatchesTheReferenceEncoding() {
        assertThat(Geo.geohash(57.64911, 10.40744, 11)).isEqualTo("u4pruydqqvj");
        assertThat(Geo.geohash(41.1496, -8.6110, 6)).hasSize(6).startsWith("ez");
        assertThatThrownBy(() -> Geo.geohash(91, 0, 6))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
