package io.invicta.jobs.cep;

import io.invicta.jobs.io.Decoded;
import io.invicta.jobs.io.RouteDecoded;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.rules.EventTypes;
import io.invicta.schemas.GeoPoint;

import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded observation on its way to the rules: its zone resolved as the metrics jobs resolve it
 * (its own, else the GeoJSON polygon or geohash cell of {@link ZoneResolver}), with the bytes it
 * arrived as.
 */
public final class ToCepEvent<T extends SpecificRecord>
        implements RouteDecoded.Accepted<T, CepEvent> {

    private static final long serialVersionUID = 1L;

    private final ZoneResolver zones;

    public ToCepEvent(ZoneResolver zones) {
        this.zones = zones;
    }

    @Override
    public CepEvent of(Decoded<T> decoded) {
        if (decoded.bytes() == null) {
            throw new IllegalArgumentException(
                    "the rules job needs each event's bytes as they arrived");
        }
        return of(decoded.value(), decoded.bytes());
    }

    /** The event of {@code record}, which arrived encoded as {@code message}. */
    public CepEvent of(T record, byte[] message) {
        GeoPoint p = EventTypes.locationOf(record);
        return CepEventCodec.event(
                record, message, zones.zoneOf(EventTypes.zoneOf(record), p.getLat(), p.getLon()));
    }
}
