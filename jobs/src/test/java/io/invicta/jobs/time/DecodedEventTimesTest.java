package io.invicta.jobs.time;

import io.invicta.schemas.EventKind;

import org.apache.flink.api.common.eventtime.WatermarkAlignmentParams;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodedEventTimesTest {

    private static WatermarkAlignmentParams alignment(Configuration config) {
        return DecodedEventTimes.watermarks(EventKind.AIR_QUALITY, config).getAlignmentParameters();
    }

    @Test
    void aJobsSourcesReadAtMostAMinuteAheadOfTheSlowestByDefault() {
        WatermarkAlignmentParams params = alignment(new Configuration());
        assertThat(params.isEnabled()).isTrue();
        assertThat(params.getMaxAllowedWatermarkDrift()).isEqualTo(60_000);
        // Reported often enough that catching up a backlog is not held to the drift per second.
        assertThat(params.getUpdateInterval()).isEqualTo(100);
        // One group for every source of a job, whatever its kind.
        assertThat(params.getWatermarkGroup())
                .isEqualTo(
                        DecodedEventTimes.watermarks(
                                        EventKind.VEHICLE_POSITIONS, new Configuration())
                                .getAlignmentParameters()
                                .getWatermarkGroup());
    }

    @Test
    void theDriftIsTheOptionsAndZeroTurnsAlignmentOff() {
        Configuration config = new Configuration();
        config.set(EventTimeOptions.ALIGNMENT_MAX_DRIFT, Duration.ofSeconds(90));
        assertThat(alignment(config).getMaxAllowedWatermarkDrift()).isEqualTo(90_000);
        config.set(EventTimeOptions.ALIGNMENT_MAX_DRIFT, Duration.ZERO);
        assertThat(alignment(config).isEnabled()).isFalse();
    }

    @Test
    void aNegativeDriftOrANonPositiveIntervalIsRefusedNamingTheOption() {
        Configuration config = new Configuration();
        config.set(EventTimeOptions.ALIGNMENT_MAX_DRIFT, Duration.ofSeconds(-1));
        assertThatThrownBy(() -> alignment(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event-time.alignment.max-drift");
        Configuration interval = new Configuration();
        interval.set(EventTimeOptions.ALIGNMENT_UPDATE_INTERVAL, Duration.ZERO);
        assertThatThrownBy(() -> alignment(interval))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event-time.alignment.update-interval");
    }
}
