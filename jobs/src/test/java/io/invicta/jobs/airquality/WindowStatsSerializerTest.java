package io.invicta.jobs.airquality;

import io.invicta.jobs.windows.Measures;
import io.invicta.jobs.windows.WindowStats;
import io.invicta.jobs.windows.WindowStatsSerializer;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowStatsSerializerTest {

    @Test
    void flinkUsesItForWindowStats() {
        assertThat(TypeInformation.of(WindowStats.class))
                .isInstanceOf(WindowStatsSerializer.Info.class);
    }

    @Test
    void aRoundTripKeepsEveryReportedPollutantAndTheAbsentOnesStayAbsent() throws Exception {
        Measures stats = new Measures(Pollutant.values().length);
        stats.add(Pollutant.NO2.ordinal(), 10);
        stats.add(Pollutant.NO2.ordinal(), 30);
        stats.add(Pollutant.CO.ordinal(), 0.4);
        WindowStats zone = new WindowStats(null, "z1", "1m", 60_000, 120_000, stats);

        DataOutputSerializer out = new DataOutputSerializer(64);
        WindowStatsSerializer.INSTANCE.serialize(zone, out);
        WindowStats back =
                WindowStatsSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(PollutantMeans.of(back))
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(PollutantMeans.of(zone));
        assertThat(PollutantMeans.of(back)).hasSize(2);
        assertThat(back.stats.reported()).isEqualTo(stats.reported());
    }
}
