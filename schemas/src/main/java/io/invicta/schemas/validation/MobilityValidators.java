package io.invicta.schemas.validation;

import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;

import java.time.Duration;

/**
 * Validators of the mobility inputs: each refuses values no device can report (negative counts and
 * capacities, occupancy outside 0..1, speeds outside 0..{@value #MAX_SPEED_KMH} km/h, coordinates
 * off the globe) and event times further ahead of the wall clock than {@code maxFuture} (a clock
 * error would drag the watermark ahead).
 */
public final class MobilityValidators {

    /**
     * Above any road vehicle's speed in a city, below a unit mix-up (m/s vs km/h is only ×3.6, so
     * not caught).
     */
    public static final double MAX_SPEED_KMH = 250;

    private MobilityValidators() {}

    static String negative(String field, Integer value) {
        return value != null && value < 0 ? field + " = " + value + " is negative" : null;
    }

    static String speed(String field, Double kmh) {
        return kmh != null && !(kmh >= 0 && kmh <= MAX_SPEED_KMH)
                ? field + " = " + kmh + " km/h is out of range [0, " + MAX_SPEED_KMH + "]"
                : null;
    }

    public static final class Traffic extends ObservationValidator<TrafficFlowObserved> {
        private static final long serialVersionUID = 1L;

        public Traffic(Duration maxFuture) {
            super(maxFuture, TrafficFlowObserved.getClassSchema());
        }

        @Override
        protected String values(TrafficFlowObserved o) {
            Double occupancy = o.getOccupancy();
            return Validator.firstOf(
                    negative("intensity", o.getIntensity()),
                    speed("averageVehicleSpeed", o.getAverageVehicleSpeed()),
                    occupancy != null && !(occupancy >= 0 && occupancy <= 1)
                            ? "occupancy = " + occupancy + " is outside 0..1"
                            : null);
        }
    }

    public static final class Parking extends ObservationValidator<OnStreetParking> {
        private static final long serialVersionUID = 1L;

        public Parking(Duration maxFuture) {
            super(maxFuture, OnStreetParking.getClassSchema());
        }

        @Override
        protected String values(OnStreetParking o) {
            // availableSpotNumber < 0 or > totalSpotNumber is counting drift, not impossible:
            // anomalies (Anomalies.parking) with a configured policy
            return negative("totalSpotNumber", o.getTotalSpotNumber());
        }
    }

    public static final class Bikes extends ObservationValidator<BikeHireDockingStation> {
        private static final long serialVersionUID = 1L;

        public Bikes(Duration maxFuture) {
            super(maxFuture, BikeHireDockingStation.getClassSchema());
        }

        @Override
        protected String values(BikeHireDockingStation s) {
            // more bikes or free docks than docks is counting drift: an anomaly (Anomalies.bikes)
            return Validator.firstOf(
                    negative("availableBikeNumber", s.getAvailableBikeNumber()),
                    negative("freeSlotNumber", s.getFreeSlotNumber()),
                    negative("totalSlotNumber", s.getTotalSlotNumber()));
        }
    }

    public static final class Vehicles extends ObservationValidator<VehiclePosition> {
        private static final long serialVersionUID = 1L;

        public Vehicles(Duration maxFuture) {
            super(maxFuture, VehiclePosition.getClassSchema());
        }

        @Override
        protected String values(VehiclePosition p) {
            return Validator.firstOf(speed("speed", p.getSpeed()));
        }
    }
}
