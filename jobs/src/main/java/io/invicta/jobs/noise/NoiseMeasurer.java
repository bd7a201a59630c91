package io.invicta.jobs.noise;

import io.invicta.domain.Decibels;
import io.invicta.jobs.windows.DayCoverage;
import io.invicta.jobs.windows.Measurer;
import io.invicta.jobs.windows.Measures;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.schemas.NoiseLevelObserved;

/**
 * Noise in the shared windows. Decibels are never summed: variable {@link #ENERGY} sums
 * 10^(LAeq/10) × the observation's duration and {@link #SECONDS} the durations, so a window's LAeq
 * is 10·log10(ΣE·t / Σt) (intervals of different lengths weigh by their length); {@link #LAMAX}
 * keeps the loudest LAmax.
 *
 * <p>An observation belongs to the windows of its end time ({@code dateObserved}) and to the Lden
 * period of the middle of its interval ({@link #atMiddle()}, for the pre-aggregation that feeds
 * {@link LdenCalculator}).
 */
public final class NoiseMeasurer implements Measurer<NoiseLevelObserved> {

    private static final long serialVersionUID = 1L;

    /** Whether an observation's time is the middle of its interval rather than its end. */
    private final boolean middle;

    /** Observations at their end time: the LAeq windows. */
    public NoiseMeasurer() {
        this(false);
    }

    private NoiseMeasurer(boolean middle) {
        this.middle = middle;
    }

    /** Observations at the middle of their interval, which decides their Lden period. */
    public static NoiseMeasurer atMiddle() {
        return new NoiseMeasurer(true);
    }

    /** Σ 10^(LAeq/10) × seconds; its count is the number of observations. */
    public static final int ENERGY = 0;

    /** Σ seconds observed. */
    public static final int SECONDS = 1;

    /** LAmax of the observations that report one. */
    public static final int LAMAX = 2;

    @Override
    public int variables() {
        return 3;
    }

    @Override
    public String sensorId(NoiseLevelObserved o) {
        return o.getId();
    }

    @Override
    public long timestamp(NoiseLevelObserved o) {
        long end = o.getDateObserved().toEpochMilli();
        return middle ? end - (long) (seconds(o) * 500) : end;
    }

    @Override
    public String ownZone(NoiseLevelObserved o) {
        return o.getZone();
    }

    @Override
    public double lat(NoiseLevelObserved o) {
        return o.getLocation().getLat();
    }

    @Override
    public double lon(NoiseLevelObserved o) {
        return o.getLocation().getLon();
    }

    @Override
    public boolean addTo(NoiseLevelObserved o, Measures m) {
        Double laeq = o.getLAeq();
        if (laeq == null || laeq.isNaN()) {
            return false;
        }
        double seconds = seconds(o);
        m.add(ENERGY, Decibels.energy(laeq) * seconds);
        m.add(SECONDS, seconds);
        Double lamax = o.getLAmax();
        if (lamax != null && !lamax.isNaN()) {
            m.add(LAMAX, lamax);
        }
        return true;
    }

    /**
     * Duration of the observed interval in seconds: at least 1, and 1 when the observation has no
     * start.
     */
    static double seconds(NoiseLevelObserved o) {
        return o.getDateObservedFrom() == null
                ? 1.0
                : Math.max(
                        1.0,
                        (o.getDateObserved().toEpochMilli()
                                        - o.getDateObservedFrom().toEpochMilli())
                                / 1000.0);
    }

    /** The energetic level of a window. */
    public static NoiseLevel level(WindowStats w) {
        Measures m = w.stats;
        NoiseLevel level =
                new NoiseLevel(
                        w.sensorId,
                        w.zone,
                        w.resolution,
                        w.windowStart,
                        m.count[ENERGY],
                        Decibels.level(m.sum(ENERGY) / m.sum(SECONDS)),
                        m.count[LAMAX] > 0 ? m.max[LAMAX] : Double.NaN);
        level.coverage = DayCoverage.of(w, ENERGY);
        return level;
    }
}
