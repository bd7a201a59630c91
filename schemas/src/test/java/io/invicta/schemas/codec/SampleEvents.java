package io.invicta.schemas.codec;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.Severity;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.WeatherObserved;

import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One fully populated record of every Invicta type (values taken from the FIWARE examples where
 * they exist).
 */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2016-03-15T11:00:00Z");
    static final GeoPoint PORTO = new GeoPoint(41.1496, -8.6110);

    private SampleEvents() {}

    static AirQualityObserved airQuality() {
        return AirQualityObserved.newBuilder()
                .setId("Madrid-28079004")
                .setDateObserved(T0)
                .setLocation(new GeoPoint(40.4238, -3.7122))
                .setZone("Centro")
                .setNo2(22.0)
                .setNo(45.0)
                .setNox(139.0)
                .setPm10(37.0)
                .setPm25(13.5)
                .setO3(44.0)
                .setSo2(11.0)
                .setCo(0.5)
                .build();
    }

    static List<SpecificRecord> everyType() {
        return List.of(
                airQuality(),
                NoiseLevelObserved.newBuilder()
                        .setId("Vitoria-noise-1")
                        .setDateObserved(T0)
                        .setDateObservedFrom(T0.minusSeconds(3600))
                        .setLocation(new GeoPoint(42.8491, -2.698))
                        .setZone(null)
                        .setLAeq(67.8)
                        .setLAmax(94.5)
                        .setLAS(91.6)
                        .build(),
                WeatherObserved.newBuilder()
                        .setId("Porto-weather-1")
                        .setDateObserved(T0)
                        .setLocation(PORTO)
                        .setZone("Cedofeita")
                        .setTemperature(12.2)
                        .setRelativeHumidity(0.54)
                        .setAtmosphericPressure(1013.2)
                        .setWindSpeed(0.64)
                        .setWindDirection(176.0)
                        .setPrecipitation(0.0)
                        .build(),
                TrafficFlowObserved.newBuilder()
                        .setId("Valladolid-osm-60821110")
                        .setDateObserved(T0)
                        .setDateObservedFrom(T0.minusSeconds(300))
                        .setLocation(new GeoPoint(41.6538, -4.7373))
                        .setZone(null)
                        .setLaneId(1)
                        .setIntensity(197)
                        .setOccupancy(0.76)
                        .setAverageVehicleSpeed(52.6)
                        .setCongested(false)
                        .build(),
                OnStreetParking.newBuilder()
                        .setId("Porto-parking-7")
                        .setDateObserved(T0)
                        .setLocation(PORTO)
                        .setZone("Bonfim")
                        .setAvailableSpotNumber(3)
                        .setTotalSpotNumber(40)
                        .build(),
                BikeHireDockingStation.newBuilder()
                        .setId("Porto-bikes-2")
                        .setDateObserved(T0)
                        .setLocation(PORTO)
                        .setZone(null)
                        .setAvailableBikeNumber(5)
                        .setFreeSlotNumber(10)
                        .setTotalSlotNumber(15)
                        .build(),
                VehiclePosition.newBuilder()
                        .setId("taxi-20000589")
                        .setVehicleId("20000589")
                        .setVehicleType("taxi")
                        .setTripId("1372636858620000589")
                        .setDateObserved(T0)
                        .setLocation(new GeoPoint(41.1412, -8.6185))
                        .setZone(null)
                        .setSpeed(31.5)
                        .setHeading(270.0)
                        .build(),
                Alert.newBuilder()
                        .setId("pm10-high|Centro|1458039600000")
                        .setRuleId("pm10-high")
                        .setRuleVersion(3)
                        .setSeverity(Severity.CRITICAL)
                        .setPartitionKey("Centro")
                        .setEventTime(T0)
                        .setMessage("PM10 55 µg/m³ in Centro")
                        .setFields(Map.of("avgPm10", "55.0"))
                        .setZone("Centro")
                        .build());
    }
}
