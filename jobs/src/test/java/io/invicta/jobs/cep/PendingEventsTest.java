package io.invicta.jobs.cep;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PendingEventsTest {

    private static CepEvent at(long time, String sensor) {
        return new CepEvent(time, 0, sensor, null, null, new byte[0]);
    }

    @Test
    void aWatermarkReleasesTheEventsAtOrBeforeItInOrderKeepsTheLaterOnesAndSaysHowMany() {
        PendingEvents pending = new PendingEvents();
        pending.add(at(30, "a"));
        pending.add(at(10, "b"));
        pending.add(at(20, "c"));
        pending.add(at(20, "a"));
        List<String> released = new ArrayList<>();

        int first = pending.release(20, e -> released.add(e.time + e.sensor));

        assertThat(released).containsExactly("10b", "20a", "20c");
        assertThat(first).isEqualTo(3);
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.release(25, e -> released.add(e.time + e.sensor))).isZero();
        assertThat(released).hasSize(3);
        assertThat(pending.release(30, e -> released.add(e.time + e.sensor))).isEqualTo(1);
        assertThat(released).endsWith("30a");
        assertThat(pending.size()).isZero();
    }

    @Test
    void eventsArrivingBetweenWatermarksAreReleasedInOrderWhateverTheEarliestPendingWasBefore() {
        PendingEvents pending = new PendingEvents();
        List<String> released = new ArrayList<>();
        pending.add(at(30, "a"));
        pending.add(at(10, "b"));
        pending.release(5, e -> released.add(e.time + e.sensor));
        assertThat(released).isEmpty();
        pending.release(10, e -> released.add(e.time + e.sensor));
        assertThat(released).containsExactly("10b");

        // Later than the last watermark but earlier than what still waits.
        pending.add(at(15, "c"));
        pending.add(at(12, "d"));
        pending.release(20, e -> released.add(e.time + e.sensor));

        assertThat(released).containsExactly("10b", "12d", "15c");
        assertThat(pending.size()).isEqualTo(1);
        pending.release(30, e -> released.add(e.time + e.sensor));
        assertThat(released).endsWith("30a");
        assertThat(pending.size()).isZero();
        pending.release(40, e -> released.add(e.time + e.sensor));
        assertThat(released).hasSize(4);
    }
}
