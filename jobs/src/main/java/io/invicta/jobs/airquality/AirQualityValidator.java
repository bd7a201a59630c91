package io.invicta.jobs.airquality;

import io.invicta.jobs.common.Validator;
import io.invicta.schemas.AirQualityObserved;

import java.time.Duration;

/**
 * Refuses observations no station can make: negative, non-finite or absurd concentrations, coordinates off
 * the globe, and event times far in the future (a clock error would otherwise drag the watermark ahead and
 * make every honest reading late).
 */
public final class AirQualityValidator implements Validator<AirQualityObserved> {

    private static final long serialVersionUID = 1L;

    /** Far above any measured urban value (µg/m³; mg/m³ for CO), far below a unit mix-up's thousandfold. */
    static final double MAX_CONCENTRATION = 10_000;

    private final long maxFutureMillis;

    public AirQualityValidator(Duration maxFuture) {
        this.maxFutureMillis = maxFuture.toMillis();
    }

    @Override
    public String check(AirQualityObserved o, long nowMillis) {
        String where = Validator.timeAndPlace(o.getDateObserved(), o.getLocation(), maxFutureMillis, nowMillis);
        if (where != null) {
            return where;
        }
        for (Pollutant p : Pollutant.all()) {
            Double v = p.read(o);
            if (v != null && !v.isNaN() && !(v >= 0 && v <= MAX_CONCENTRATION)) {
                return p.field() + " = " + v + " " + p.unit() + " is out of range [0, " + MAX_CONCENTRATION + "]";
            }
        }
        return null;
    }
}
