package io.invicta.jobs.cep;

import io.invicta.rules.Partitioning;

import org.apache.flink.api.java.functions.KeySelector;

/**
 * The routing key of an event for one partitioning: its zone, its device (the vehicle for
 * positions), or one key for the whole city.
 */
public final class CepKeys implements KeySelector<CepEvent, String> {

    private static final long serialVersionUID = 1L;

    private final Partitioning partitioning;

    public CepKeys(Partitioning partitioning) {
        this.partitioning = partitioning;
    }

    @Override
    public String getKey(CepEvent e) {
        return switch (partitioning) {
            case CITY -> "city";
            case ZONE -> e.zone;
            case SENSOR, VEHICLE -> e.vehicle != null ? e.vehicle : e.sensor;
        };
    }
}
