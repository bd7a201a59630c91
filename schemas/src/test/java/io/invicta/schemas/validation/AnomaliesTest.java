package io.invicta.schemas.validation;

import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.WeatherObserved;
import io.invicta.schemas.validation.Plausibility.Check;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import static io.invicta.schemas.validation.MobilityValidatorsTest.NOW;
import static io.invicta.schemas.validation.MobilityValidatorsTest.PORTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnomaliesTest {

    private static Plausibility with(Check check, AnomalyPolicy policy) {
        Plausibility d = Plausibility.defaults();
        return new Plausibility(
                Map.of(check, policy),
                d.temperatureSentinels(),
                d.minTemperature(),
                d.maxTemperature());
    }

    private static OnStreetParking parking(int available, int total) {
        return OnStreetParking.newBuilder()
                .setId("p")
                .setDateObserved(NOW)
                .setLocation(PORTO)
                .setAvailableSpotNumber(available)
                .setTotalSpotNumber(total)
                .build();
    }

    private static WeatherObserved weather(double temperature) {
        return WeatherObserved.newBuilder()
                .setId("w")
                .setDateObserved(NOW)
                .setLocation(PORTO)
                .setTemperature(temperature)
                .setRelativeHumidity(0.5)
                .build();
    }

    @Test
    void aCarParkOverCapacityIsClampedToFullByDefaultAndCounted() {
        OnStreetParking drift = parking(-3, 50);
        var found = EventKind.PARKING.anomalies(Plausibility.defaults()).screen(drift);

        assertThat(found)
                .singleElement()
                .satisfies(f -> assertThat(f.check().name()).isEqualTo("parking-over-capacity"))
                .satisfies(f -> assertThat(f.rejects()).isFalse())
                .satisfies(f -> assertThat(f.detail()).contains("-3"));
        assertThat(drift.getAvailableSpotNumber()).isZero();
    }

    @Test
    void flagKeepsTheValueAndRejectStopsAtTheCheck() {
        OnStreetParking flagged = parking(-3, 50);
        assertThat(
                        EventKind.PARKING
                                .anomalies(with(Check.PARKING_OVER_CAPACITY, AnomalyPolicy.FLAG))
                                .screen(flagged))
                .hasSize(1);
        assertThat(flagged.getAvailableSpotNumber()).isEqualTo(-3);

        OnStreetParking rejected = parking(-3, 50);
        assertThat(
                        EventKind.PARKING
                                .anomalies(with(Check.PARKING_OVER_CAPACITY, AnomalyPolicy.REJECT))
                                .screen(rejected))
                .singleElement()
                .satisfies(f -> assertThat(f.rejects()).isTrue());
    }

    @Test
    void morePlacesFreeThanACarParkHasAndMoreBikesThanDocksClampToTheCapacity() {
        OnStreetParking free = parking(60, 50);
        EventKind.PARKING.anomalies(Plausibility.defaults()).screen(free);
        assertThat(free.getAvailableSpotNumber()).isEqualTo(50);

        BikeHireDockingStation station =
                BikeHireDockingStation.newBuilder()
                        .setId("b")
                        .setDateObserved(NOW)
                        .setLocation(PORTO)
                        .setAvailableBikeNumber(12)
                        .setFreeSlotNumber(3)
                        .setTotalSlotNumber(10)
                        .build();
        assertThat(EventKind.BIKE_STATIONS.anomalies(Plausibility.defaults()).screen(station))
                .singleElement()
                .satisfies(f -> assertThat(f.check().name()).isEqualTo("bikes-above-capacity"));
        assertThat(station.getAvailableBikeNumber()).isEqualTo(10);
        assertThat(station.getFreeSlotNumber()).isEqualTo(3);
    }

    @Test
    void aTemperatureSentinelIsRemovedAndTheOtherVariablesKept() {
        WeatherObserved sentinel = weather(-50.0);
        var found = EventKind.WEATHER.anomalies(Plausibility.defaults()).screen(sentinel);

        assertThat(found).extracting(f -> f.check().name()).containsExactly("temperature-sentinel");
        assertThat(sentinel.getTemperature()).isNull();
        assertThat(sentinel.getRelativeHumidity()).isEqualTo(0.5);
    }

    @Test
    void aTemperatureOutsideTheCityClimateIsFlaggedByDefaultAndClampedOnRequest() {
        WeatherObserved hot = weather(51.5);
        assertThat(EventKind.WEATHER.anomalies(Plausibility.defaults()).screen(hot))
                .extracting(f -> f.check().name())
                .containsExactly("temperature-outside-climate");
        assertThat(hot.getTemperature()).isEqualTo(51.5);

        WeatherObserved clamped = weather(51.5);
        EventKind.WEATHER
                .anomalies(with(Check.TEMPERATURE_OUTSIDE_CLIMATE, AnomalyPolicy.CLAMP))
                .screen(clamped);
        assertThat(clamped.getTemperature()).isEqualTo(50.0);

        assertThat(EventKind.WEATHER.anomalies(Plausibility.defaults()).screen(weather(21.0)))
                .isEmpty();
    }

    @Test
    void aZeroNoiseLevelIsRejectedByDefault() {
        NoiseLevelObserved silent =
                NoiseLevelObserved.newBuilder()
                        .setId("n")
                        .setDateObserved(NOW)
                        .setLocation(PORTO)
                        .setLAeq(0.0)
                        .build();
        assertThat(EventKind.NOISE.anomalies(Plausibility.defaults()).screen(silent))
                .singleElement()
                .satisfies(f -> assertThat(f.rejects()).isTrue());
    }

    @Test
    void theChecksTravelInTheJobGraphAndKindsWithoutAnomaliesHaveNone() throws Exception {
        AnomalyScreen<WeatherObserved> screen =
                EventKind.WEATHER.anomalies(Plausibility.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(screen);
        }
        @SuppressWarnings("unchecked")
        AnomalyScreen<WeatherObserved> copy =
                (AnomalyScreen<WeatherObserved>)
                        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))
                                .readObject();
        assertThat(copy.screen(weather(-50.0))).hasSize(1);
        assertThat(EventKind.AIR_QUALITY.anomalies(Plausibility.defaults()).checks()).isEmpty();
    }

    @Test
    void anEmptyClimateRangeIsRefused() {
        assertThatThrownBy(() -> new Plausibility(Map.of(), List.of(), 10, 10))
                .hasMessageContaining("empty");
    }
}
