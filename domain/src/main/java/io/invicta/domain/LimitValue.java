package io.invicta.domain;

/**
 * EU limit values for the protection of human health, Directive 2008/50/EC, Annex XI: a
 * concentration averaged over a period must not exceed the value more often than allowed per
 * calendar year. The one place they live.
 */
public enum LimitValue {
    /** PM10 daily mean above 50 µg/m³, at most 35 days a year. */
    PM10_DAILY_50(Eaqi.Pollutant.PM10, Period.DAY, 50, 35),
    /** NO2 hourly mean above 200 µg/m³, at most 18 hours a year. */
    NO2_HOURLY_200(Eaqi.Pollutant.NO2, Period.HOUR, 200, 18),
    /** SO2 hourly mean above 350 µg/m³, at most 24 hours a year. */
    SO2_HOURLY_350(Eaqi.Pollutant.SO2, Period.HOUR, 350, 24),
    /** SO2 daily mean above 125 µg/m³, at most 3 days a year. */
    SO2_DAILY_125(Eaqi.Pollutant.SO2, Period.DAY, 125, 3);

    /**
     * The averaging period of a limit value: an hour, or a calendar day in the city's time zone.
     */
    public enum Period {
        HOUR,
        DAY
    }

    private final Eaqi.Pollutant pollutant;
    private final Period period;
    private final double threshold;
    private final int allowedPerYear;

    LimitValue(Eaqi.Pollutant pollutant, Period period, double threshold, int allowedPerYear) {
        this.pollutant = pollutant;
        this.period = period;
        this.threshold = threshold;
        this.allowedPerYear = allowedPerYear;
    }

    public Eaqi.Pollutant pollutant() {
        return pollutant;
    }

    public Period period() {
        return period;
    }

    public int allowedPerYear() {
        return allowedPerYear;
    }

    /** Strictly above the limit value is an exceedance (the directive's "not to be exceeded"). */
    public boolean exceededBy(double mean) {
        return mean > threshold;
    }
}
