package io.invicta.schemas.validation;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AirQualityValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final AirQualityValidator validator = new AirQualityValidator(Duration.ofHours(1));

    private static AirQualityObserved.Builder reading() {
        return AirQualityObserved.newBuilder()
                .setId("s")
                .setDateObserved(NOW)
                .setZone(null)
                .setLocation(new GeoPoint(41.15, -8.61))
                .setNo2(40.0)
                .setPm10(20.0);
    }

    @Test
    void plausibleReadingsPass() {
        assertThat(validator.check(reading().build(), NOW.toEpochMilli())).isNull();
        assertThat(validator.check(reading().setNo2(0.0).setCo(null).build(), NOW.toEpochMilli()))
                .isNull();
        assertThat(
                        validator.check(
                                reading().setDateObserved(NOW.plusSeconds(3599)).build(),
                                NOW.toEpochMilli()))
                .isNull();
    }

    @Test
    void negativeOrAbsurdConcentrationsAreRefusedNamingThePollutant() {
        assertThat(validator.check(reading().setPm10(-3.0).build(), NOW.toEpochMilli()))
                .contains("pm10");
        assertThat(validator.check(reading().setNo2(1e6).build(), NOW.toEpochMilli()))
                .contains("no2");
        assertThat(
                        validator.check(
                                reading().setO3(Double.POSITIVE_INFINITY).build(),
                                NOW.toEpochMilli()))
                .contains("o3");
    }

    @Test
    void timestampsFarInTheFutureAreRefused() {
        assertThat(
                        validator.check(
                                reading().setDateObserved(NOW.plus(Duration.ofDays(400))).build(),
                                NOW.toEpochMilli()))
                .contains("future");
    }

    @Test
    void timestampsBefore2000AreRefusedAsAClockNeverSet() {
        assertThat(
                        validator.check(
                                reading().setDateObserved(Instant.EPOCH).build(),
                                NOW.toEpochMilli()))
                .contains("before 2000-01-01");
        assertThat(
                        validator.check(
                                reading()
                                        .setDateObserved(Validator.EARLIEST.minusMillis(1))
                                        .build(),
                                NOW.toEpochMilli()))
                .contains("before 2000-01-01");
        assertThat(
                        validator.check(
                                reading().setDateObserved(Validator.EARLIEST).build(),
                                NOW.toEpochMilli()))
                .isNull();
    }

    @Test
    void coordinatesOffTheGlobeAreRefused() {
        assertThat(
                        validator.check(
                                reading().setLocation(new GeoPoint(412.0, -8.6)).build(),
                                NOW.toEpochMilli()))
                .contains("WGS84");
    }
}
