package io.invicta.tools.replay;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pacing on a simulated clock: what the pacer waits for, not how long a test takes. */
class PacerTest {

    private long now = 1_000_000_000L;
    private final List<Long> waits = new ArrayList<>();

    private Pacer pacer(double speed) {
        return new Pacer(
                speed,
                () -> now,
                nanos -> {
                    waits.add(nanos);
                    now += nanos;
                });
    }

    @Test
    void atSixtyTimesRealTimeAMinuteOfEventTimeTakesOneSecond() {
        Pacer pacer = pacer(60);

        pacer.await(0);
        pacer.await(60_000);
        pacer.await(120_000);

        assertThat(waits).containsExactly(1_000_000_000L, 1_000_000_000L);
    }

    @Test
    void timeSpentSendingCountsTowardsTheNextWait() {
        Pacer pacer = pacer(1);

        pacer.await(0);
        now += 300_000_000L; // sending took 0.3 s
        pacer.await(1_000);

        assertThat(waits).containsExactly(700_000_000L);
    }

    @Test
    void eventsWithTheSameTimeOrLateOnesAreNotHeldBack() {
        Pacer pacer = pacer(10);

        pacer.await(5_000);
        pacer.await(5_000);
        pacer.await(4_000);

        assertThat(waits).isEmpty();
    }

    @Test
    void maxSpeedNeverWaits() {
        Pacer pacer = pacer(0);

        pacer.await(0);
        pacer.await(3_600_000);

        assertThat(waits).isEmpty();
    }
}
