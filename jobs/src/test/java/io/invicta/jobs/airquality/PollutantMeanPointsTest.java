package io.invicta.jobs.airquality;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.LineProtocol;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PollutantMeanPointsTest {

    @Test
    void pointIsIdentifiedBySensorPollutantAndWindowStart() {
        List<InfluxPoint> points = new ArrayList<>();

        new PollutantMeanPoints().convert(new PollutantMean("porto-aq-001", Pollutant.PM25, 1_700_000_040_000L,
                6, 12.25, 10.0, 15.5), points::add);

        assertThat(points).singleElement().extracting(p -> LineProtocol.encode(p, TimeUnit.MILLISECONDS))
                .isEqualTo("air_quality_1m,pollutant=pm25,sensor=porto-aq-001 "
                        + "count=6i,max=15.5,mean=12.25,min=10.0 1700000040000");
    }

    @Test
    void sensorIdsWithSpecialCharactersStayOneTag() {
        List<InfluxPoint> points = new ArrayList<>();

        new PollutantMeanPoints().convert(new PollutantMean("a,b=c d", Pollutant.NO2, 0L, 1, 1, 1, 1), points::add);

        assertThat(LineProtocol.encode(points.get(0), TimeUnit.MILLISECONDS))
                .startsWith("air_quality_1m,pollutant=no2,sensor=a\\,b\\=c\\ d ");
    }
}
