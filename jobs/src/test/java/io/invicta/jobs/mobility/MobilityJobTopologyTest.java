package io.invicta.jobs.mobility;

import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.io.Inputs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job graph as main wires it (nothing is connected to): uids and names, both windows of every
 * family.
 */
class MobilityJobTopologyTest {

    private static MobilityJob job(Configuration config) {
        return new MobilityJob(
                Inputs.kafka(config, "g", MobilityJob.READS),
                MobilityJob.Outputs.of(config),
                config);
    }

    @Test
    void everyOperatorHasAUidAndEveryFamilyHasBothWindows() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job(new Configuration()).build(env);
        Collection<StreamNode> nodes = env.getStreamGraph().getStreamNodes();

        assertThat(nodes)
                .allSatisfy(
                        n ->
                                assertThat(n.getTransformationUID())
                                        .as(n.getOperatorName())
                                        .isNotBlank());
        assertThat(nodes)
                .extracting(StreamNode::getTransformationUID)
                .contains(
                        "traffic-1m-v2",
                        "traffic-1h-v2",
                        "traffic_zone-1m-v2",
                        "traffic_zone-1h-v2",
                        "parking-1m-v2",
                        "parking-1h-v2",
                        "parking_zone-1m-v2",
                        "parking_zone-1h-v2",
                        "bike_station-1m-v2",
                        "bike_station-1h-v2",
                        "bike_zone-1m-v2",
                        "bike_zone-1h-v2",
                        "vehicle-speeds",
                        "vehicle-zone-1m",
                        "vehicle-zone-1h",
                        "vehicle_zone-1m-v2",
                        "vehicle_zone-1h-v2",
                        "decode-traffic",
                        "decode-parking",
                        "decode-bikes",
                        "decode-vehicles",
                        "influxdb-mobility",
                        "data-quality",
                        "influxdb-data-quality");
        assertThat(nodes).extracting(StreamNode::getTransformationUID).doesNotHaveDuplicates();
    }

    @Test
    void configuredWindowSizesNameTheWindows() {
        Configuration config = new Configuration();
        config.set(MetricsOptions.SHORT_WINDOW, Duration.ofMinutes(5));
        config.set(MetricsOptions.LONG_WINDOW, Duration.ofDays(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job(config).build(env);
        assertThat(env.getStreamGraph().getStreamNodes())
                .extracting(StreamNode::getTransformationUID)
                .contains("traffic-5m-v2", "traffic-1d-v2", "vehicle_zone-5m-v2")
                .doesNotContain("traffic-1m-v2");
    }

    @Test
    void equalShortAndLongWindowsAreRefused() {
        Configuration config = new Configuration();
        config.set(MetricsOptions.LONG_WINDOW, Duration.ofMinutes(1));
        assertThatThrownBy(() -> job(config)).hasMessageContaining("must differ");
    }
}
