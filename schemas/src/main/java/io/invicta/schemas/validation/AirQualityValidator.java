package io.invicta.schemas.validation;

import io.invicta.schemas.AirQualityObserved;

import org.apache.avro.Schema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses observations no station can make: negative, non-finite or absurd concentrations,
 * coordinates off the globe, and event times far in the future (a clock error would otherwise drag
 * the watermark ahead and make every honest reading late).
 *
 * <p>Every optional number of {@link AirQualityObserved} is a concentration (µg/m³; CO in mg/m³),
 * so all of them are checked, including pollutants a later schema version adds.
 */
public final class AirQualityValidator extends ObservationValidator<AirQualityObserved> {

    private static final long serialVersionUID = 1L;

    /**
     * Far above any measured urban value (µg/m³; mg/m³ for CO), far below a unit mix-up's
     * thousandfold.
     */
    static final double MAX_CONCENTRATION = 10_000;

    private static final Schema.Field[] CONCENTRATIONS = concentrations();

    public AirQualityValidator(Duration maxFuture) {
        super(maxFuture, AirQualityObserved.getClassSchema());
    }

    @Override
    protected String values(AirQualityObserved o) {
        for (Schema.Field field : CONCENTRATIONS) {
            Double v = (Double) o.get(field.pos());
            if (v != null && !(v >= 0 && v <= MAX_CONCENTRATION)) { // NaN too: absent is null
                return field.name() + " = " + v + " is out of range [0, " + MAX_CONCENTRATION + "]";
            }
        }
        return null;
    }

    private static Schema.Field[] concentrations() {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : AirQualityObserved.getClassSchema().getFields()) {
            Schema s = field.schema();
            if (s.isUnion()
                    && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.DOUBLE)) {
                fields.add(field);
            }
        }
        return fields.toArray(new Schema.Field[0]);
    }
}
