package io.invicta.schemas.validation;

import io.invicta.schemas.BikeHireDockingStation;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.WeatherObserved;
import io.invicta.schemas.validation.Plausibility.Check;

import java.util.List;

/** The anomaly checks of each observation type ({@link Plausibility.Check} lists them all). */
public final class Anomalies {

    private Anomalies() {}

    public static List<Anomaly<OnStreetParking>> parking(Plausibility p) {
        return List.of(
                new Anomaly<>(
                        Check.PARKING_OVER_CAPACITY.label(),
                        p.policy(Check.PARKING_OVER_CAPACITY)) {
                    @Override
                    public String find(OnStreetParking o) {
                        Integer available = o.getAvailableSpotNumber();
                        return available != null && available < 0
                                ? "availableSpotNumber = " + available + ": more cars than spaces"
                                : null;
                    }

                    @Override
                    public void clamp(OnStreetParking o) {
                        o.setAvailableSpotNumber(0);
                    }
                },
                new Anomaly<>(
                        Check.PARKING_FREE_ABOVE_TOTAL.label(),
                        p.policy(Check.PARKING_FREE_ABOVE_TOTAL)) {
                    @Override
                    public String find(OnStreetParking o) {
                        Integer available = o.getAvailableSpotNumber();
                        Integer total = o.getTotalSpotNumber();
                        return available != null && total != null && available > total
                                ? "availableSpotNumber " + available + " > totalSpotNumber " + total
                                : null;
                    }

                    @Override
                    public void clamp(OnStreetParking o) {
                        o.setAvailableSpotNumber(o.getTotalSpotNumber());
                    }
                });
    }

    public static List<Anomaly<BikeHireDockingStation>> bikes(Plausibility p) {
        return List.of(
                new Anomaly<>(
                        Check.BIKES_ABOVE_CAPACITY.label(), p.policy(Check.BIKES_ABOVE_CAPACITY)) {
                    @Override
                    public String find(BikeHireDockingStation s) {
                        Integer total = s.getTotalSlotNumber();
                        if (total == null) {
                            return null;
                        }
                        if (s.getAvailableBikeNumber() != null
                                && s.getAvailableBikeNumber() > total) {
                            return "availableBikeNumber "
                                    + s.getAvailableBikeNumber()
                                    + " > totalSlotNumber "
                                    + total;
                        }
                        if (s.getFreeSlotNumber() != null && s.getFreeSlotNumber() > total) {
                            return "freeSlotNumber "
                                    + s.getFreeSlotNumber()
                                    + " > totalSlotNumber "
                                    + total;
                        }
                        return null;
                    }

                    @Override
                    public void clamp(BikeHireDockingStation s) {
                        int total = s.getTotalSlotNumber();
                        if (s.getAvailableBikeNumber() != null) {
                            s.setAvailableBikeNumber(Math.min(s.getAvailableBikeNumber(), total));
                        }
                        if (s.getFreeSlotNumber() != null) {
                            s.setFreeSlotNumber(Math.min(s.getFreeSlotNumber(), total));
                        }
                    }
                });
    }

    public static List<Anomaly<NoiseLevelObserved>> noise(Plausibility p) {
        return List.of(
                new Anomaly<>(Check.NOISE_ZERO_LEVEL.label(), p.policy(Check.NOISE_ZERO_LEVEL)) {
                    @Override
                    public String find(NoiseLevelObserved o) {
                        return o.getLAeq() != null && o.getLAeq() == 0.0
                                ? "LAeq = 0.0 dB(A), a no-data value"
                                : null;
                    }

                    @Override
                    public void clamp(NoiseLevelObserved o) {
                        o.setLAeq(null);
                    }
                });
    }

    public static List<Anomaly<WeatherObserved>> weather(Plausibility p) {
        List<Double> sentinels = p.temperatureSentinels();
        double min = p.minTemperature();
        double max = p.maxTemperature();
        return List.of(
                new Anomaly<>(
                        Check.TEMPERATURE_SENTINEL.label(), p.policy(Check.TEMPERATURE_SENTINEL)) {
                    @Override
                    public String find(WeatherObserved o) {
                        Double t = o.getTemperature();
                        return t != null && sentinels.contains(t)
                                ? "temperature = " + t + " °C, a no-data value"
                                : null;
                    }

                    @Override
                    public void clamp(WeatherObserved o) {
                        o.setTemperature(null);
                    }
                },
                new Anomaly<>(
                        Check.TEMPERATURE_OUTSIDE_CLIMATE.label(),
                        p.policy(Check.TEMPERATURE_OUTSIDE_CLIMATE)) {
                    @Override
                    public String find(WeatherObserved o) {
                        Double t = o.getTemperature();
                        return t != null && !(t >= min && t <= max)
                                ? "temperature = " + t + " °C is outside " + min + ".." + max
                                : null;
                    }

                    @Override
                    public void clamp(WeatherObserved o) {
                        o.setTemperature(Math.max(min, Math.min(max, o.getTemperature())));
                    }
                });
    }
}
