package io.invicta.jobs.cep;

import io.invicta.cep.EventTypes;
import io.invicta.domain.Geo;
import io.invicta.schemas.GeoPoint;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.avro.specific.SpecificRecord;

/** A decoded observation on its way to the rules: its zone resolved (its own, else its geohash cell), encoded. */
public final class ToCepEvent<T extends SpecificRecord> extends RichMapFunction<T, CepEvent> {

    private static final long serialVersionUID = 1L;

    private final int geohashPrecision;
    private transient CepEventCodec codec;

    public ToCepEvent(int geohashPrecision) {
        this.geohashPrecision = geohashPrecision;
    }

    @Override
    public void open(OpenContext openContext) {
        codec = new CepEventCodec();
    }

    @Override
    public CepEvent map(T record) {
        String zone = EventTypes.zoneOf(record);
        if (zone == null) {
            GeoPoint p = EventTypes.locationOf(record);
            zone = Geo.geohash(p.getLat(), p.getLon(), geohashPrecision);
        }
        return codec.encode(record, zone);
    }
}
