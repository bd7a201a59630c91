package io.invicta.tools.replay;

import io.invicta.schemas.VehiclePosition;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTimeControlsTest {

    private static final String TRIPS = "data/porto-taxi-ecml-pkdd-2015/train.1k.csv";

    @Test
    void endAtShiftsEveryEventSoTheLastIsAtThatInstantKeepingTheGaps() throws Exception {
        List<ReplayEvent> original = run(null, Long.MIN_VALUE, Long.MAX_VALUE);
        long end = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();

        List<ReplayEvent> shifted = run(end, Long.MIN_VALUE, Long.MAX_VALUE);

        long shift = end - original.get(original.size() - 1).eventTime();
        assertThat(shifted).hasSameSizeAs(original);
        assertThat(shifted.get(shifted.size() - 1).eventTime()).isEqualTo(end);
        for (int i = 0; i < shifted.size(); i += 997) {
            assertThat(shifted.get(i).eventTime()).isEqualTo(original.get(i).eventTime() + shift);
            VehiclePosition fix =
                    ((DecodeResult.Success<VehiclePosition>)
                                    Codecs.forType(VehiclePosition.class)
                                            .decode(shifted.get(i).value()))
                            .value();
            assertThat(fix.getDateObserved().toEpochMilli())
                    .as("the encoded event time moves too")
                    .isEqualTo(shifted.get(i).eventTime());
        }
    }

    @Test
    void fromAndUntilKeepOnlyEventsInTheHalfOpenRangeInTimeOrder() throws Exception {
        long from = Instant.parse("2013-07-01T02:00:00Z").toEpochMilli();
        long until = Instant.parse("2013-07-01T03:00:00Z").toEpochMilli();

        List<ReplayEvent> events = run(null, from, until);

        assertThat(events)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.eventTime()).isBetween(from, until - 1));
        assertThat(events).isSortedAccordingTo(Comparator.comparingLong(ReplayEvent::eventTime));
        long all =
                run(null, Long.MIN_VALUE, Long.MAX_VALUE).stream()
                        .filter(e -> e.eventTime() >= from && e.eventTime() < until)
                        .count();
        assertThat(events).hasSize((int) all);
    }

    private static List<ReplayEvent> run(Long endAt, long from, long until) throws Exception {
        Replayer replayer =
                new Replayer(
                        CompiledMapping.load(RepoFiles.path("data/mappings/porto-taxi.yaml")),
                        null,
                        true,
                        endAt,
                        from,
                        until,
                        false,
                        0,
                        0,
                        5);
        return MappingTestSupport.run(replayer, RepoFiles.path(TRIPS)).events;
    }
}
