package io.invicta.jobs.weather;

import io.invicta.jobs.common.MeanAccumulator;
import io.invicta.domain.WindDirections;

/**
 * Window state of one weather variable: the shared count/sum/min/max, plus the unit-vector sums that wind
 * direction needs instead (an angle has no arithmetic mean). A Flink POJO.
 */
public class WeatherAccumulator extends MeanAccumulator {

    /** Σ sin(direction): east components of the unit vectors. */
    public double east;
    /** Σ cos(direction): north components. */
    public double north;

    public void addDirection(String zone, double degrees) {
        this.zone = zone;
        count++;
        east += WindDirections.east(degrees);
        north += WindDirections.north(degrees);
    }

    public WeatherAccumulator merge(WeatherAccumulator other) {
        super.merge(other);
        east += other.east;
        north += other.north;
        return this;
    }

    public double meanDirection() {
        return WindDirections.meanDegrees(east, north, count);
    }

    public double resultantLength() {
        return WindDirections.resultantLength(east, north, count);
    }
}
