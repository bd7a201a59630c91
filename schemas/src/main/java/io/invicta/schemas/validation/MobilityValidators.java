package io.invicta.schemas.validation;

import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.TrafficFlowObserved;
import io.invicta.schemas.VehiclePosition;

import java.time.Duration;

/**
 * Validators of the mobility inputs: each refuses values no device can report (negative counts,
 * occupancy outside 0..1, speeds outside 0..{@value #MAX_SPEED_KMH} km/h, more available than
 * total, coordinates off the globe) and event times further ahead of the wall clock than {@code
 * maxFuture} (a clock error would drag the watermark ahead).
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

    public static final class Traffic implements Validator<TrafficFlowObserved> {
        private static final long serialVersionUID = 1L;
        private final long maxFutureMillis;

        public Traffic(Duration maxFuture) {
            this.maxFutureMillis = maxFuture.toMillis();
        }

        @Override
        public String check(TrafficFlowObserved o, long nowMillis) {
            Double occupancy = o.getOccupancy();
            return Validator.firstOf(
                    Validator.timeAndPlace(
                            o.getDateObserved(), o.getLocation(), maxFutureMillis, nowMillis),
                    negative("intensity", o.getIntensity()),
                    speed("averageVehicleSpeed", o.getAverageVehicleSpeed()),
                    occupancy != null && !(occupancy >= 0 && occupancy <= 1)
                            ? "occupancy = " + occupancy + " is outside 0..1"
                            : null);
        }
    }

    public static final class Parking implements Validator<OnStreetParking> {
        private static final long serialVersionUID = 1L;
        private final long maxFutureMillis;

        public Parking(Duration maxFuture) {
            this.maxFutureMillis = maxFuture.toMillis();
        }

        @Override
        public String check(OnStreetParking o, long nowMillis) {
            Integer available = o.getAvailableSpotNumber();
            Integer total = o.getTotalSpotNumber();
            return Validator.firstOf(
                    Validator.timeAndPlace(
                            o.getDateObserved(), o.getLocation(), maxFutureMillis, nowMillis),
                    negative("availableSpotNumber", available),
                    negative("totalSpotNumber", total),
                    available != null && total != null && available > total
                            ? "availableSpotNumber " + available + " > totalSpotNumber " + total
                            : null);
        }
    }

    public static final class Bikes implements Validator<BikeHireDockingStation> {
        private static final long serialVersionUID = 1L;
        private final long maxFutureMillis;

        public Bikes(Duration maxFuture) {
            this.maxFutureMillis = maxFuture.toMillis();
        }

        @Override
        public String check(BikeHireDockingStation s, long nowMillis) {
            Integer bikes = s.getAvailableBikeNumber();
            Integer free = s.getFreeSlotNumber();
            Integer total = s.getTotalSlotNumber();
            return Validator.firstOf(
                    Validator.timeAndPlace(
                            s.getDateObserved(), s.getLocation(), maxFutureMillis, nowMillis),
                    negative("availableBikeNumber", bikes),
                    negative("freeSlotNumber", free),
                    negative("totalSlotNumber", total),
                    total != null && bikes != null && bikes > total
                            ? "availableBikeNumber " + bikes + " > totalSlotNumber " + total
                            : null,
                    total != null && free != null && free > total
                            ? "freeSlotNumber " + free + " > totalSlotNumber " + total
                            : null);
        }
    }

    public static final class Vehicles implements Validator<VehiclePosition> {
        private static final long serialVersionUID = 1L;
        private final long maxFutureMillis;

        public Vehicles(Duration maxFuture) {
            this.maxFutureMillis = maxFuture.toMillis();
        }

        @Override
        public String check(VehiclePosition p, long nowMillis) {
            return Validator.firstOf(
                    Validator.timeAndPlace(
                            p.getDateObserved(), p.getLocation(), maxFutureMillis, nowMillis),
                    speed("speed", p.getSpeed()));
        }
    }
}
