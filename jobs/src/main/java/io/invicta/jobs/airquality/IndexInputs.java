package io.invicta.jobs.airquality;

import io.invicta.domain.Eaqi;

import java.util.EnumMap;
import java.util.Map;

/**
 * The concentrations gathered for one station-hour; a Flink POJO kept in keyed state until the hour
 * is final.
 */
public class IndexInputs {

    public String zone;
    public Double no2;
    public Double o3;
    public Double so2;
    public Double pm10Day;
    public Double pm25Day;

    public IndexInputs() {}

    /**
     * Takes a window result: hourly means of NO2/O3/SO2, 24-hour means of PM. Other pollutants are
     * ignored.
     */
    void accept(PollutantMean mean) {
        zone = mean.zone;
        switch (mean.pollutant) {
            case NO2 -> no2 = mean.mean;
            case O3 -> o3 = mean.mean;
            case SO2 -> so2 = mean.mean;
            case PM10 -> pm10Day = mean.mean;
            case PM25 -> pm25Day = mean.mean;
            default -> {}
        }
    }

    boolean isEmpty() {
        return no2 == null && o3 == null && so2 == null && pm10Day == null && pm25Day == null;
    }

    AirQualityIndex toIndex(Eaqi table, String sensorId, long hourStart) {
        Map<Eaqi.Pollutant, Double> concentrations = new EnumMap<>(Eaqi.Pollutant.class);
        put(concentrations, Eaqi.Pollutant.NO2, no2);
        put(concentrations, Eaqi.Pollutant.O3, o3);
        put(concentrations, Eaqi.Pollutant.SO2, so2);
        put(concentrations, Eaqi.Pollutant.PM10, pm10Day);
        put(concentrations, Eaqi.Pollutant.PM25, pm25Day);
        Eaqi.Overall overall = table.overallOf(concentrations);
        AirQualityIndex index = new AirQualityIndex();
        index.sensorId = sensorId;
        index.zone = zone;
        index.hourStart = hourStart;
        index.band = overall.band();
        index.dominant = overall.dominant();
        index.no2 = no2;
        index.o3 = o3;
        index.so2 = so2;
        index.pm10Day = pm10Day;
        index.pm25Day = pm25Day;
        return index;
    }

    private static void put(Map<Eaqi.Pollutant, Double> map, Eaqi.Pollutant p, Double value) {
        if (value != null) {
            map.put(p, value);
        }
    }
}
