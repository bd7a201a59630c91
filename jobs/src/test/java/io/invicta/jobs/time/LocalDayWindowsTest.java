package io.invicta.jobs.time;

import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDayWindowsTest {

    private static TimeWindow windowOf(String instant, String zone) {
        return LocalDayWindows.in(ZoneId.of(zone))
                .assignWindows(null, Instant.parse(instant).toEpochMilli(), null)
                .iterator()
                .next();
    }

    @Test
    void aDayRunsFromLocalMidnightToLocalMidnight() {
        TimeWindow w = windowOf("2024-05-01T12:00:00Z", "Europe/Madrid");

        assertThat(w.getStart()).isEqualTo(Instant.parse("2024-04-30T22:00:00Z").toEpochMilli());
        assertThat(w.getEnd()).isEqualTo(Instant.parse("2024-05-01T22:00:00Z").toEpochMilli());
    }

    @Test
    void clockChangeDaysAreTwentyThreeAndTwentyFiveHoursLong() {
        TimeWindow spring = windowOf("2024-03-31T12:00:00Z", "Europe/Lisbon");
        TimeWindow autumn = windowOf("2024-10-27T12:00:00Z", "Europe/Lisbon");

        assertThat(spring.getEnd() - spring.getStart()).isEqualTo(23 * 3_600_000L);
        assertThat(autumn.getEnd() - autumn.getStart()).isEqualTo(25 * 3_600_000L);
    }

    @Test
    void justBeforeLocalMidnightBelongsToThatDay() {
        TimeWindow w = windowOf("2024-05-01T21:59:59.999Z", "Europe/Madrid");

        assertThat(w.getStart()).isEqualTo(Instant.parse("2024-04-30T22:00:00Z").toEpochMilli());
    }
}
