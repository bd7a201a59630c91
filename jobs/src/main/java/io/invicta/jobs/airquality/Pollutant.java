package io.invicta.jobs.airquality;

import io.invicta.schemas.AirQualityObserved;

import java.util.function.Function;

/**
 * The pollutants of {@link AirQualityObserved}, with their unit and how to read them from a record.
 */
public enum Pollutant {
    NO2("no2", "µg/m³", AirQualityObserved::getNo2),
    NO("no", "µg/m³", AirQualityObserved::getNo),
    NOX("nox", "µg/m³", AirQualityObserved::getNox),
    PM10("pm10", "µg/m³", AirQualityObserved::getPm10),
    PM25("pm25", "µg/m³", AirQualityObserved::getPm25),
    O3("o3", "µg/m³", AirQualityObserved::getO3),
    SO2("so2", "µg/m³", AirQualityObserved::getSo2),
    CO("co", "mg/m³", AirQualityObserved::getCo);

    private static final Pollutant[] ALL = values();

    private final String field;
    private final String unit;
    private final Function<AirQualityObserved, Double> reader;

    Pollutant(String field, String unit, Function<AirQualityObserved, Double> reader) {
        this.field = field;
        this.unit = unit;
        this.reader = reader;
    }

    /** The Avro field name, also used as the {@code pollutant} tag value in InfluxDB. */
    public String field() {
        return field;
    }

    public String unit() {
        return unit;
    }

    /** The concentration in the record, or null when the station did not report it. */
    public Double read(AirQualityObserved record) {
        return reader.apply(record);
    }

    static Pollutant[] all() {
        return ALL;
    }

    /** The pollutant of an Avro field name. */
    public static Pollutant ofField(String field) {
        for (Pollutant p : ALL) {
            if (p.field.equals(field)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown pollutant field: " + field);
    }
}
