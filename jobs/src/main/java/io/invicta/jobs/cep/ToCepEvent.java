package io.invicta.jobs.cep;

import io.invicta.cep.EventTypes;
import io.invicta.jobs.common.ZoneResolver;
import io.invicta.schemas.GeoPoint;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded observation on its way to the rules: its zone resolved as the metrics jobs resolve it (its own, else
 * the GeoJSON polygon or geohash cell of {@link ZoneResolver}), encoded.
 */
public final class ToCepEvent<T extends SpecificRecord> extends RichMapFunction<T, CepEvent> {

    private static final long serialVersionUID = 1L;

    private final ZoneResolver zones;
    private transient CepEventCodec codec;

    public ToCepEvent(ZoneResolver zones) {
        this.zones = zones;
    }

    @Override
    public void open(OpenContext openContext) {
        codec = new CepEventCodec();
    }

    @Override
    public CepEvent map(T record) {
        GeoPoint p = EventTypes.locationOf(record);
        return codec.encode(record, zones.zoneOf(EventTypes.zoneOf(record), p.getLat(), p.getLon()));
    }
}
