package io.invicta.jobs.cep;

import io.invicta.schemas.Alert;
import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Alert → InfluxDB {@code alerts}: tags {@code rule}, {@code severity}, {@code key} (the partition
 * key), at the alert's event time; fields {@code message}, {@code rule_version}, {@code id}. A
 * replayed alert has the same identity and overwrites itself.
 */
public final class AlertPoints implements PointConverter<Alert> {

    private static final long serialVersionUID = 1L;

    @Override
    public void convert(Alert alert, Consumer<InfluxPoint> out) {
        InfluxPoint.Builder point =
                InfluxPoint.measurement("alerts")
                        .time(alert.getEventTime().toEpochMilli(), TimeUnit.MILLISECONDS)
                        .tag("rule", alert.getRuleId())
                        .tag("severity", alert.getSeverity().name())
                        .tag("key", alert.getPartitionKey())
                        .field("message", alert.getMessage())
                        .field("rule_version", alert.getRuleVersion())
                        .field("id", alert.getId());
        out.accept(point.build());
    }
}
