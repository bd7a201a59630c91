package io.invicta.jobs.airquality;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowStatsSerializerTest {

    @Test
    void flinkUsesItForWindowStats() {
        assertThat(TypeInformation.of(WindowStats.class)).isInstanceOf(WindowStatsSerializer.Info.class);
    }

    @Test
    void aRoundTripKeepsEveryReportedPollutantAndTheAbsentOnesStayAbsent() throws Exception {
        PollutantStats stats = new PollutantStats();
        stats.add(Pollutant.NO2.ordinal(), 10);
        stats.add(Pollutant.NO2.ordinal(), 30);
        stats.add(Pollutant.CO.ordinal(), 0.4);
        WindowStats zone = new WindowStats(null, "z1", "1m", 60_000, 120_000, stats);

        DataOutputSerializer out = new DataOutputSerializer(64);
        WindowStatsSerializer.INSTANCE.serialize(zone, out);
        WindowStats back = WindowStatsSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back.means()).usingRecursiveFieldByFieldElementComparator().isEqualTo(zone.means());
        assertThat(back.means()).hasSize(2);
        assertThat(back.stats.reported()).isEqualTo(stats.reported());
    }
}
