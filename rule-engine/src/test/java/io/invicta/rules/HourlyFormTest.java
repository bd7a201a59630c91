package io.invicta.rules;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HourlyFormTest {

    private static final long HOUR = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    private static final HourlyForm AIR = HourlyForm.named("AirQualityObservedHourly").get();
    private static final HourlyForm NOISE = HourlyForm.named("NoiseLevelObservedHourly").get();

    private static AirQualityObserved air(long at, Double no2, Double o3, String zone) {
        return AirQualityObserved.newBuilder()
                .setId("s1")
                .setDateObserved(Instant.ofEpochMilli(at))
                .setLocation(new GeoPoint(41.15, -8.61))
                .setZone(zone)
                .setNo2(no2)
                .setO3(o3)
                .build();
    }

    private static NoiseLevelObserved noise(long from, long to, double laeq, double lamax) {
        return NoiseLevelObserved.newBuilder()
                .setId("n1")
                .setDateObserved(Instant.ofEpochMilli(to))
                .setDateObservedFrom(Instant.ofEpochMilli(from))
                .setLocation(new GeoPoint(41.15, -8.61))
                .setZone("z1")
                .setLAeq(laeq)
                .setLAmax(lamax)
                .build();
    }

    @Test
    void pollutantsAreTheHoursMeansAndAPollutantWithoutReadingsIsNull() {
        HourlyForm.HourAccumulator acc = AIR.start(HOUR);
        AIR.add(air(HOUR, 100.0, null, "z1"), "z1", acc);
        AIR.add(air(HOUR + 600_000, 110.0, null, "z1"), "z1", acc);
        AIR.add(air(HOUR + 1_200_000, 150.0, null, "z1"), "z1", acc);

        AirQualityObserved hourly = (AirQualityObserved) AIR.record("s1", acc);

        assertThat(hourly.getNo2()).isEqualTo(120.0);
        assertThat(hourly.getO3()).isNull();
        assertThat(hourly.getId()).isEqualTo("s1");
        assertThat(hourly.getDateObserved()).isEqualTo(Instant.ofEpochMilli(HOUR + 3_600_000));
        assertThat(AIR.name()).isEqualTo("AirQualityObservedHourly");
    }

    @Test
    void soundLevelsAverageAsEnergiesWeightedByTheirIntervalsAndLamaxIsTheLoudest() {
        HourlyForm.HourAccumulator acc = NOISE.start(HOUR);
        // Ten minutes at 30 dB(A) and one minute at 55 dB(A).
        NOISE.add(noise(HOUR, HOUR + 600_000, 30, 41), "z1", acc);
        NOISE.add(noise(HOUR + 600_000, HOUR + 660_000, 55, 70), "z1", acc);

        NoiseLevelObserved hourly = (NoiseLevelObserved) NOISE.record("n1", acc);

        double expected = 10 * Math.log10((600 * 1e3 + 60 * Math.pow(10, 5.5)) / 660);
        assertThat(hourly.getLAeq()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(hourly.getLAmax()).isEqualTo(70.0);
        assertThat(hourly.getLAS()).isNull();
        assertThat(hourly.getDateObservedFrom()).isEqualTo(Instant.ofEpochMilli(HOUR));
        assertThat(hourly.getDateObserved()).isEqualTo(Instant.ofEpochMilli(HOUR + 3_600_000));
    }

    @Test
    void theHourlyValueDoesNotDependOnTheOrderReadingsArrivedIn() {
        Random random = new Random(3);
        List<AirQualityObserved> readings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            readings.add(air(HOUR + i * 10_000L, random.nextDouble() * 1e3, 0.1 * i, "z1"));
        }
        AirQualityObserved first = hourOf(readings);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(readings, random);
            AirQualityObserved again = hourOf(readings);
            assertThat(again.getNo2()).isEqualTo(first.getNo2());
            assertThat(again.getO3()).isEqualTo(first.getO3());
        }
    }

    @Test
    void theNewestReadingNamesTheZoneWhateverTheArrivalOrder() {
        HourlyForm.HourAccumulator acc = AIR.start(HOUR);
        AIR.add(air(HOUR + 2_000, 1.0, null, "new"), "new", acc);
        AIR.add(air(HOUR + 1_000, 1.0, null, "old"), "old", acc);
        assertThat(((AirQualityObserved) AIR.record("s1", acc)).getZone()).isEqualTo("new");
    }

    @Test
    void anHourIsDueAtItsLastMillisecondAndObservationsOfThatInstantComeFirst() {
        HourlyAggregator hourly =
                new HourlyAggregator(java.util.Set.of("AirQualityObservedHourly"));
        hourly.add(air(HOUR, 10.0, null, "z1"));
        hourly.add(air(HOUR + 3_600_000, 20.0, null, "z1"));
        assertThat(hourly.due(HOUR + 3_600_000 - 2)).isEmpty();
        List<HourlyAggregator.Hourly> due = hourly.due(HOUR + 3_600_000 - 1);
        assertThat(due).hasSize(1);
        assertThat(due.get(0).time()).isEqualTo(HOUR + 3_600_000 - 1);
        assertThat(((AirQualityObserved) due.get(0).record()).getNo2()).isEqualTo(10.0);
        assertThat(hourly.all()).hasSize(1);
    }

    private static AirQualityObserved hourOf(List<AirQualityObserved> readings) {
        HourlyForm.HourAccumulator acc = AIR.start(HOUR);
        for (AirQualityObserved r : readings) {
            AIR.add(r, "z1", acc);
        }
        return (AirQualityObserved) AIR.record("s1", acc);
    }
}
