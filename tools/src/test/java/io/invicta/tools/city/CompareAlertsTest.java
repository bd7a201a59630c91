package io.invicta.tools.city;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompareAlertsTest {

    private static ComparePoints.Counts compare(
            Map<String, List<String>> want, Map<String, List<String>> got) {
        return CompareAlerts.compare(want, got, new ArrayList<>());
    }

    @Test
    void theSameAlertsInAnotherOrderAreTheSame() {
        var c =
                compare(
                        Map.of("a", List.of("A"), "b", List.of("B")),
                        Map.of("b", List.of("B"), "a", List.of("A")));
        assertThat(c.same()).isTrue();
        assertThat(c.expected()).isEqualTo(2);
    }

    @Test
    void anAlertEmittedTwiceIsExtra() {
        var c = compare(Map.of("a", List.of("A")), Map.of("a", List.of("A", "A")));
        assertThat(c).isEqualTo(new ComparePoints.Counts(1, 2, 0, 1, 0));
    }

    @Test
    void aMissingAlertAnAlertOfAnotherIdAndAChangedAlertAreEachCounted() {
        var c =
                compare(
                        Map.of("a", List.of("A"), "b", List.of("B"), "c", List.of("C")),
                        Map.of("b", List.of("B'"), "c", List.of("C"), "d", List.of("D")));
        assertThat(c).isEqualTo(new ComparePoints.Counts(3, 3, 1, 1, 1));
    }
}
