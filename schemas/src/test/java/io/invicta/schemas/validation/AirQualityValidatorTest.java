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
        // Absent is null; NaN is no measurement a station makes.
        assertThat(validator.check(reading().setNo2(Double.NaN).build(), NOW.toEpochMilli()))
                .contains("no2 = NaN");
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
    void idsAndZonesThatNoTagOrKeyCanCarryAreRefusedAndLineProtocolMetacharactersAreNot() {
        long now = NOW.toEpochMilli();
        assertThat(validator.check(reading().setId("porto aq,1=\"x\"").build(), now)).isNull();
        assertThat(validator.check(reading().setZone("Aldoar, Foz do Douro").build(), now))
                .isNull();
        assertThat(validator.check(reading().setZone("").build(), now)).isNull();
        assertThat(validator.check(reading().setId("s1\nno2=999").build(), now))
                .isEqualTo("id contains the control character U+000A");
        assertThat(validator.check(reading().setZone("z\\").build(), now))
                .isEqualTo("zone contains a backslash");
        assertThat(validator.check(reading().setId("").build(), now)).isEqualTo("id is empty");
        assertThat(validator.check(reading().setId("s".repeat(257)).build(), now))
                .isEqualTo("id is 257 characters long, more than 256");
        assertThat(validator.check(reading().setId("s".repeat(256)).build(), now)).isNull();
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
