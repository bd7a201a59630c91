package io.invicta.jobs.mobility;

import io.invicta.jobs.config.JobArguments;
import io.invicta.jobs.config.MetricsOptions;
import io.invicta.jobs.io.TopicOptions;
import io.invicta.jobs.zones.ZoneOptions;
import io.invicta.jobs.zones.ZoneResolver;
import io.invicta.schemas.EventKind;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MobilityOptionsTest {

    @Test
    void defaults() {
        Configuration c = new Configuration();
        assertThat(c.get(MetricsOptions.SHORT_WINDOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.get(MetricsOptions.LONG_WINDOW)).isEqualTo(Duration.ofHours(1));
        assertThat(c.get(ZoneOptions.GEOHASH_PRECISION)).isEqualTo(6);
        assertThat(MobilityOptions.freeFlowLearning(c))
                .as("learning is off unless asked for")
                .isNull();
        assertThat(MobilityOptions.freeFlowSpeed(c)).isEqualTo(50.0);
        assertThat(MobilityOptions.freeFlowSpeeds(c)).isEmpty();
        assertThat(c.get(MobilityOptions.MAX_VEHICLE_SPEED)).isEqualTo(200.0);
        assertThat(c.get(TopicOptions.of(EventKind.TRAFFIC_FLOW))).isEqualTo("traffic-flow");
        assertThat(c.get(TopicOptions.of(EventKind.VEHICLE_POSITIONS)))
                .isEqualTo("vehicle-positions");
    }

    @Test
    void overridesFromProgramArguments() {
        Configuration c =
                JobArguments.parse(
                        new String[] {
                            "--mobility.free-flow-speeds", "tf-1:64,tf-2:80.5",
                                    "--mobility.free-flow-speed", "40",
                            "--zones.geohash-precision", "7", "--windows.short", "5 min"
                        },
                        MobilityJob.OPTIONS);
        assertThat(MobilityOptions.freeFlowSpeeds(c)).isEqualTo(Map.of("tf-1", 64.0, "tf-2", 80.5));
        assertThat(MobilityOptions.freeFlowSpeed(c)).isEqualTo(40.0);
        assertThat(c.get(ZoneOptions.GEOHASH_PRECISION)).isEqualTo(7);
        assertThat(c.get(MetricsOptions.SHORT_WINDOW)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(
                        () ->
                                MobilityOptions.freeFlowSpeeds(
                                        JobArguments.parse(
                                                new String[] {
                                                    "--mobility.free-flow-speeds", "tf-1:fast"
                                                },
                                                MobilityJob.OPTIONS)))
                .hasMessageContaining("tf-1");
        assertThatThrownBy(
                        () ->
                                MobilityOptions.freeFlowSpeeds(
                                        JobArguments.parse(
                                                new String[] {
                                                    "--mobility.free-flow-speeds", "tf-1:0"
                                                },
                                                MobilityJob.OPTIONS)))
                .hasMessageContaining("positive");
        assertThatThrownBy(
                        () ->
                                ZoneResolver.of(
                                        JobArguments.parse(
                                                new String[] {"--zones.geohash-precision", "13"},
                                                MobilityJob.OPTIONS)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                MobilityOptions.freeFlowLearning(
                                        JobArguments.parse(
                                                new String[] {
                                                    "--mobility.free-flow-learned",
                                                    "true",
                                                    "--mobility.free-flow-percentile",
                                                    "0"
                                                },
                                                MobilityJob.OPTIONS)))
                .hasMessageContaining("mobility.free-flow-percentile");
        assertThatThrownBy(
                        () ->
                                MobilityOptions.freeFlowLearning(
                                        JobArguments.parse(
                                                new String[] {
                                                    "--mobility.free-flow-learned",
                                                    "true",
                                                    "--mobility.free-flow-min-observations",
                                                    "0"
                                                },
                                                MobilityJob.OPTIONS)))
                .hasMessageContaining("mobility.free-flow-min-observations");
    }

    @Test
    void learningSettingsFromProgramArguments() {
        Configuration c =
                JobArguments.parse(
                        new String[] {
                            "--mobility.free-flow-learned",
                            "true",
                            "--mobility.free-flow-percentile",
                            "90",
                            "--mobility.free-flow-min-observations",
                            "20"
                        },
                        MobilityJob.OPTIONS);
        assertThat(MobilityOptions.freeFlowLearning(c)).isEqualTo(new FreeFlowLearning(90, 20));
        assertThat(
                        MobilityOptions.freeFlowLearning(
                                JobArguments.parse(
                                        new String[] {"--mobility.free-flow-learned", "true"},
                                        MobilityJob.OPTIONS)))
                .as("defaults")
                .isEqualTo(new FreeFlowLearning(85, 100));
    }

    @Test
    void windowLabels() {
        assertThat(MetricsOptions.resolution(Duration.ofMinutes(1))).isEqualTo("1m");
        assertThat(MetricsOptions.resolution(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(MetricsOptions.resolution(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(MetricsOptions.resolution(Duration.ofDays(1))).isEqualTo("1d");
    }
}
