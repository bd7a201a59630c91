package io.invicta.jobs.airquality;

import org.influxdb.dto.Point;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PollutantMeanPointsTest {

    @Test
    void pointIsIdentifiedBySensorPollutantAndWindowStart() {
        List<Point> points = new ArrayList<>();

        new PollutantMeanPoints().convert(new PollutantMean("porto-aq-001", Pollutant.PM25, 1_700_000_040_000L,
                6, 12.25, 10.0, 15.5), points::add);

        assertThat(points).singleElement().extracting(p -> p.lineProtocol(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo("air_quality_1m,pollutant=pm25,sensor=porto-aq-001 "
                        + "count=6i,max=15.5,mean=12.25,min=10.0 1700000040000");
    }

    @Test
    void sensorIdsWithSpecialCharactersStayOneTag() {
        List<Point> points = new ArrayList<>();

        new PollutantMeanPoints().convert(new PollutantMean("a,b=c d", Pollutant.NO2, 0L, 1, 1, 1, 1), points::add);

        assertThat(points.get(0).lineProtocol(java.util.concurrent.TimeUnit.MILLISECONDS))
                .startsWith("air_quality_1m,pollutant=no2,sensor=a\\,b\\=c\\ d ");
    }
}
