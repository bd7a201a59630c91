package io.invicta.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpeedHistogramTest {

    @Test
    void histogramPercentilesAreNearestRankToTheKilometrePerHour() {
        SpeedHistogram h = new SpeedHistogram();
        assertThat(h.percentile(85)).isNaN();
        for (double v : new double[] {30.2, 49.6, 50.4, 80.0, 250.0}) {
            h.add(v);
        }
        assertThat(h.observations).isEqualTo(5);
        assertThat(h.percentile(20)).isEqualTo(30.0);
        assertThat(h.percentile(60)).as("49.6 and 50.4 both round to 50").isEqualTo(50.0);
        assertThat(h.percentile(80)).isEqualTo(80.0);
        assertThat(h.percentile(100)).as("faster than the top bin counts in it").isEqualTo(200.0);
    }

    @Test
    void aFullBinHalvesEveryCountAndKeepsThePercentiles() {
        SpeedHistogram h = new SpeedHistogram();
        h.bins[40] = Integer.MAX_VALUE;
        h.bins[60] = Integer.MAX_VALUE - 1;
        h.add(40);
        assertThat(h.bins[40]).isEqualTo(Integer.MAX_VALUE / 2 + 1);
        assertThat(h.bins[60]).isEqualTo((Integer.MAX_VALUE - 1) / 2);
        assertThat(h.percentile(50)).isEqualTo(40.0);
        assertThat(h.percentile(51)).isEqualTo(60.0);
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> new SpeedHistogram().percentile(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpeedHistogram().percentile(100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
