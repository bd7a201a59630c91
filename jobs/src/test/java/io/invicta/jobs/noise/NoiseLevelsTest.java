package io.invicta.jobs.noise;

import io.invicta.domain.Decibels;
import io.invicta.jobs.windows.Measures;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NoiseLevelsTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    /**
     * An observation of {@code level} dB(A) over the {@code seconds} before T, LAmax 5 dB above.
     */
    private static NoiseLevelObserved observation(double level, double seconds) {
        return NoiseLevelObserved.newBuilder()
                .setId("s")
                .setDateObserved(T)
                .setDateObservedFrom(T.minusMillis((long) (seconds * 1000)))
                .setLocation(new GeoPoint(41.15, -8.61))
                .setZone("z")
                .setLAeq(level)
                .setLAmax(level + 5)
                .setLAS(null)
                .build();
    }

    /**
     * The level of a window of these observations, as the shared windows and the noise job compute
     * it.
     */
    private static NoiseLevel window(NoiseLevelObserved... observations) {
        NoiseMeasurer measurer = new NoiseMeasurer();
        Measures measures = new Measures(measurer.variables());
        for (NoiseLevelObserved o : observations) {
            assertThat(measurer.addTo(o, measures)).isTrue();
        }
        return NoiseMeasurer.level(new WindowStats("s", "z", "1m", 0, 60_000, measures));
    }

    private static double laeq(NoiseLevelObserved... observations) {
        return window(observations).laeq;
    }

    @Test
    void levelsOfEqualDurationAverageAsEnergies() {
        assertThat(laeq(observation(60, 60), observation(70, 60)))
                .isCloseTo(67.40, within(0.01)); // not 65
    }

    @Test
    void longerObservationsWeighMore() {
        // 60 dB for 3 s and 70 dB for 1 s: 10·log10((3·10^6 + 10^7) / 4) = 65.12
        assertThat(laeq(observation(60, 3), observation(70, 1))).isCloseTo(65.12, within(0.01));
    }

    @Test
    void
            theWindowCountsObservationsAndKeepsTheLoudestLamaxAndAnObservationWithoutLaeqAddsNothing() {
        NoiseLevelObserved silent =
                NoiseLevelObserved.newBuilder(observation(60, 60))
                        .setLAeq(null)
                        .setLAmax(99.0)
                        .build();
        Measures untouched = new Measures(new NoiseMeasurer().variables());
        assertThat(new NoiseMeasurer().addTo(silent, untouched)).isFalse();
        assertThat(untouched.reported()).isZero();

        NoiseLevel level = window(observation(60, 60), observation(70, 60));
        assertThat(level.count).isEqualTo(2);
        assertThat(level.lamax).isEqualTo(75.0);
        NoiseLevelObserved noLamax =
                NoiseLevelObserved.newBuilder(observation(60, 60)).setLAmax(null).build();
        assertThat(window(noLamax).lamax).as("no LAmax reported: none written").isNaN();
    }

    @Test
    void anObservationWeighsByItsIntervalAndCountsForLdenAtItsMiddle() {
        NoiseLevelObserved o =
                NoiseLevelObserved.newBuilder()
                        .setId("n1")
                        .setDateObserved(T)
                        .setDateObservedFrom(T.minus(Duration.ofMinutes(5)))
                        .setLocation(new GeoPoint(41.15, -8.61))
                        .setZone("Baixa")
                        .setLAeq(62.0)
                        .setLAmax(80.0)
                        .setLAS(null)
                        .build();
        Measures m = new Measures(new NoiseMeasurer().variables());

        assertThat(new NoiseMeasurer().addTo(o, m)).isTrue();

        assertThat(m.sum(NoiseMeasurer.SECONDS)).isEqualTo(300.0);
        assertThat(Decibels.level(m.sum(NoiseMeasurer.ENERGY) / m.sum(NoiseMeasurer.SECONDS)))
                .isCloseTo(62.0, within(1e-9));
        assertThat(m.max[NoiseMeasurer.LAMAX]).isEqualTo(80.0);
        assertThat(new NoiseMeasurer().timestamp(o))
                .as("windows: the end")
                .isEqualTo(T.toEpochMilli());
        assertThat(NoiseMeasurer.atMiddle().timestamp(o))
                .as("Lden: the middle")
                .isEqualTo(T.minus(Duration.ofSeconds(150)).toEpochMilli());
        NoiseLevelObserved instant =
                NoiseLevelObserved.newBuilder(o).setDateObservedFrom(null).build();
        assertThat(NoiseMeasurer.atMiddle().timestamp(instant))
                .as("no interval: a second long, so half a second before its end")
                .isEqualTo(T.toEpochMilli() - 500);
    }
}
