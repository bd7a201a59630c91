package io.invicta.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HorizonTest {

    @Test
    void theLongestTimePeriodOfTheTextIsTheHorizon() {
        assertThat(
                        Horizon.of(
                                "select * from A#time(1 hour 30 minutes); select * from"
                                        + " pattern[every a=A -> timer:interval(15 min)];"))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void periodsInDescriptionsAndMessagesDoNotCount() {
        assertThat(
                        Horizon.of(
                                "@Description('at most 35 days a year') @Tag(name='message',"
                                        + " value='for 2 hours') select * from A#time(10 min);"))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aHorizonTagAsksForMoreThanTheTextShows() {
        assertThat(Horizon.of("@Tag(name='horizon', value='2 hours') select * from A#length(3);"))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void commentsDoNotCount() {
        assertThat(Horizon.of("// keeps 3 days\nselect * from A#time(5 sec);"))
                .isEqualTo(Duration.ofSeconds(5));
    }
}
