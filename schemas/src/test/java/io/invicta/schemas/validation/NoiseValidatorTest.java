package io.invicta.schemas.validation;

import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NoiseValidatorTest {

    private static final Instant T = Instant.parse("2024-05-01T08:00:00Z");

    @Test
    void impossibleLevelsAndReversedIntervalsAreRefused() {
        NoiseValidator validator = new NoiseValidator(Duration.ofHours(1));
        NoiseLevelObserved.Builder ok =
                NoiseLevelObserved.newBuilder()
                        .setId("n1")
                        .setDateObserved(T)
                        .setDateObservedFrom(null)
                        .setLocation(new GeoPoint(41.15, -8.61))
                        .setZone(null)
                        .setLAeq(62.0)
                        .setLAmax(80.0)
                        .setLAS(null);

        assertThat(validator.check(ok.build(), T.toEpochMilli())).isNull();
        assertThat(
                        validator.check(
                                NoiseLevelObserved.newBuilder(ok.build()).setLAeq(-3.0).build(),
                                T.toEpochMilli()))
                .contains("-3.0");
        assertThat(
                        validator.check(
                                NoiseLevelObserved.newBuilder(ok.build())
                                        .setDateObservedFrom(T.plusSeconds(60))
                                        .build(),
                                T.toEpochMilli()))
                .contains("after");
    }
}
