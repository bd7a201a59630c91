package io.invicta.jobs.mobility;

import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.GeoPoint;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Overwrites a record's optional {@code zone} field with the zone of its {@code location} (the
 * mobility job ignores zones the records name themselves, so all its families share one zoning).
 * For any record type with those two fields. The record is changed in place: this operator is the
 * only consumer of its input stream.
 */
final class SetZone<T extends SpecificRecord> implements MapFunction<T, T> {

    private static final long serialVersionUID = 1L;

    private final ZoneResolver zones;

    SetZone(ZoneResolver zones) {
        this.zones = zones;
    }

    @Override
    public T map(T record) {
        int zone = record.getSchema().getField("zone").pos();
        GeoPoint location = (GeoPoint) record.get(record.getSchema().getField("location").pos());
        record.put(zone, zones.zoneOf(location.getLat(), location.getLon()));
        return record;
    }
}
