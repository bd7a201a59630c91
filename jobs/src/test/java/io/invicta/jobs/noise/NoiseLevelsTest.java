package io.invicta.jobs.noise;

import io.invicta.domain.Decibels;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseLevelsTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private static NoiseReading reading(double level, double seconds) {
        return new NoiseReading("s", "z", 0, seconds, Decibels.energy(level) * seconds, level + 5);
    }

    private static double laeq(NoiseReading... readings) {
        NoiseWindowFunctions.Energy energy = new NoiseWindowFunctions.Energy();
        EnergyAccumulator acc = energy.createAccumulator();
        for (NoiseReading r : readings) {
            acc = energy.add(r, acc);
        }
        return Decibels.level(acc.weightedEnergy / acc.seconds);
    }

    @Test
    void levelsOfEqualDurationAverageAsEnergies() {
        assertThat(laeq(reading(60, 60), reading(70, 60))).isCloseTo(67.40, within(0.01)); // not 65
    }

    @Test
    void longerObservationsWeighMore() {
        // 60 dB for 3 s and 70 dB for 1 s: 10·log10((3·10^6 + 10^7) / 4) = 65.12
        assertThat(laeq(reading(60, 3), reading(70, 1))).isCloseTo(65.12, within(0.01));
    }

    @Test
    void observationsBecomeDurationWeightedReadingsInTheirZone() {
        List<NoiseReading> out = new ArrayList<>();
        NoiseLevelObserved o = NoiseLevelObserved.newBuilder().setId("n1").setDateObserved(T)
                .setDateObservedFrom(T.minus(Duration.ofMinutes(5))).setLocation(new GeoPoint(41.15, -8.61))
                .setZone("Baixa").setLAeq(62.0).setLAmax(80.0).setLAS(null).build();

        new ToNoiseReadings(io.invicta.jobs.common.ZoneResolver.geohash(6)).flatMap(o, new org.apache.flink.api.common.functions.util.ListCollector<>(out));

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.seconds).isEqualTo(300.0);
            assertThat(Decibels.level(r.weightedEnergy / r.seconds)).isCloseTo(62.0, within(1e-9));
            assertThat(r.zone).isEqualTo("Baixa");
            assertThat(r.lamax).isEqualTo(80.0);
        });
    }

    @Test
    void impossibleLevelsAndReversedIntervalsAreRefused() {
        NoiseValidator validator = new NoiseValidator(Duration.ofHours(1));
        NoiseLevelObserved.Builder ok = NoiseLevelObserved.newBuilder().setId("n1").setDateObserved(T)
                .setDateObservedFrom(null).setLocation(new GeoPoint(41.15, -8.61)).setZone(null)
                .setLAeq(62.0).setLAmax(80.0).setLAS(null);

        assertThat(validator.check(ok.build(), T.toEpochMilli())).isNull();
        assertThat(validator.check(NoiseLevelObserved.newBuilder(ok.build()).setLAeq(-3.0).build(), T.toEpochMilli()))
                .contains("-3.0");
        assertThat(validator.check(NoiseLevelObserved.newBuilder(ok.build()).setDateObservedFrom(T.plusSeconds(60)).build(),
                T.toEpochMilli())).contains("after");
    }
}
