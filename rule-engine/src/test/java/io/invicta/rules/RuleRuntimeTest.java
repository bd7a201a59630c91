package io.invicta.rules;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.GeoPoint;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleRuntimeTest {

    private static final long NINE = Instant.parse("2024-05-01T09:00:00Z").toEpochMilli();

    @Test
    void wholeMinuteTimersFireAtWholeMinutesWhateverTheMillisecondTheRuntimeStartedAt()
            throws Exception {
        // A runtime started at a watermark (…​.999) or at an event's odd millisecond must raise the
        // same alerts at the same instants as one started at a whole second; and one advance past
        // the fifteenth minute fires that minute's check at the minute, not where the clock stops.
        for (long start : new long[] {NINE - 60_000, NINE - 60_000 + 999, NINE - 1}) {
            assertThat(silenceAlertTimes(start))
                    .as("started at " + start)
                    .containsExactly(NINE + 15 * 60_000);
        }
    }

    private static List<Long> silenceAlertTimes(long start) throws Exception {
        RuleSet set =
                RuleSet.compile(1, RuleFile.readAll(List.of(Path.of("..", "cep-rules"))))
                        .only("sensor-health");
        List<Alert> alerts = new ArrayList<>();
        try (RuleRuntime runtime = RuleRuntime.start(set, null, start, alerts::add)) {
            runtime.send(
                    AirQualityObserved.newBuilder()
                            .setId("s1")
                            .setZone("z1")
                            .setDateObserved(Instant.ofEpochMilli(NINE))
                            .setLocation(new GeoPoint(41.15, -8.61))
                            .setNo2(10.0)
                            .build());
            runtime.advanceTo(NINE + 15 * 60_000 + 999);
        }
        return alerts.stream().map(a -> a.getEventTime().toEpochMilli()).toList();
    }
}
