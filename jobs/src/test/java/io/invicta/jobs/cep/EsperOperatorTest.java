package io.invicta.jobs.cep;

import io.invicta.jobs.io.LateEvent;
import io.invicta.rules.Partitioning;
import io.invicta.rules.RuleFile;
import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.codec.Codecs;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EsperOperatorTest {

    private static final long T0 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;

    /**
     * Fires whenever a zone's hourly mean NO2 exceeds the threshold; and on 15 silent minutes of a
     * sensor.
     */
    static String rules(int threshold) {
        return """
module test;
@Name('high-no2')
@Description('hourly mean NO2 above the threshold')
@Tag(name='severity', value='WARNING')
@Tag(name='partition', value='zone')
@Tag(name='message', value='NO2 {no2} in {zone}')
select zone, avg(no2) as no2 from AirQualityObserved#time(1 hour) group by zone having avg(no2) > %d;

@Name('silent-sensor')
@Description('no reading from a sensor for 15 minutes')
@Tag(name='severity', value='INFO')
@Tag(name='partition', value='zone')
@Tag(name='message', value='{sensor} silent in {zone}')
select a.zone as zone, a.id as sensor
from pattern [every a=AirQualityObserved -> (timer:interval(15 min) and not AirQualityObserved(id=a.id))];
"""
                .formatted(threshold);
    }

    static RuleSetUpdate ruleSet(int version, String text) {
        return RuleSetUpdate.of(version, List.of(new RuleFile("test.epl", text)));
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, CepEvent, RuleSetUpdate, Alert>
            harness(RuleSetUpdate rules) throws Exception {
        return harness(rules, 1, 0);
    }

    private static final int MAX_PARALLELISM = 128;

    /** Instance {@code subtask} of {@code parallelism}. */
    private static KeyedTwoInputStreamOperatorTestHarness<String, CepEvent, RuleSetUpdate, Alert>
            harness(RuleSetUpdate rules, int parallelism, int subtask) throws Exception {
        return harness(rules, parallelism, subtask, Duration.ZERO);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, CepEvent, RuleSetUpdate, Alert>
            harness(RuleSetUpdate rules, int parallelism, int subtask, Duration keptAtLeast)
                    throws Exception {
        var harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new EsperOperator(
                                Partitioning.ZONE, rules, Set.of(Partitioning.ZONE), keptAtLeast),
                        new CepKeys(Partitioning.ZONE),
                        (RuleSetUpdate r) -> "rules",
                        Types.STRING,
                        MAX_PARALLELISM,
                        parallelism,
                        subtask);
        harness.setup();
        return harness;
    }

    private static final CepEventCodec CODEC = new CepEventCodec();

    static StreamRecord<CepEvent> reading(String sensor, String zone, long time, double no2) {
        AirQualityObserved o =
                AirQualityObserved.newBuilder()
                        .setId(sensor)
                        .setDateObserved(Instant.ofEpochMilli(time))
                        .setLocation(new GeoPoint(41.15, -8.61))
                        .setZone(zone)
                        .setNo2(no2)
                        .build();
        return new StreamRecord<>(CODEC.encode(o, zone), time);
    }

    private static List<String> alerts(
            KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, Alert> harness) {
        List<String> out = new ArrayList<>();
        for (Alert a : harness.extractOutputValues()) {
            out.add(
                    a.getRuleId()
                            + "@"
                            + (a.getEventTime().toEpochMilli() - T0) / MIN
                            + "m:"
                            + a.getMessage());
        }
        return out;
    }

    @Test
    void eventsReachTheRulesInTimestampOrderOnlyWhenTheWatermarkPassesThem() throws Exception {
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.open();
            // Out of order: the 150 reading is older than the 40 one; in time order the mean first
            // exceeds 100.
            h.processElement1(reading("s1", "z1", T0 + 2 * MIN, 40));
            h.processElement1(reading("s1", "z1", T0 + MIN, 150));
            assertThat(h.extractOutputValues()).as("nothing before the watermark").isEmpty();
            h.processWatermark1(new Watermark(T0 + 2 * MIN));
            assertThat(alerts(h)).containsExactly("high-no2@1m:NO2 150 in z1");
        }
    }

    @Test
    void eventsWithTheSameTimestampAreEvaluatedInTheSameOrderWhateverOrderTheyArriveIn()
            throws Exception {
        // Evaluated as 150 then 50 the zone's mean first exceeds 100 (an alert); as 50 then 150 it
        // never does: the
        // arrival order of equal timestamps (two partitions racing) must not decide which.
        List<List<String>> outputs = new ArrayList<>();
        for (boolean highFirst : new boolean[] {true, false}) {
            try (var h = harness(ruleSet(1, rules(100)))) {
                h.open();
                StreamRecord<CepEvent> high = reading("s-a", "z1", T0, 150);
                StreamRecord<CepEvent> low = reading("s-b", "z1", T0, 50);
                h.processElement1(highFirst ? high : low);
                h.processElement1(highFirst ? low : high);
                h.processWatermark1(new Watermark(T0));
                outputs.add(alerts(h));
            }
        }
        assertThat(outputs.get(0))
                .isEqualTo(outputs.get(1))
                .containsExactly("high-no2@0m:NO2 150 in z1");
    }

    @Test
    void theClockFollowsTheWatermarkSoSilenceRulesFireAtTheirOwnEventTime() throws Exception {
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.open();
            h.processElement1(reading("s1", "z1", T0, 10));
            h.processWatermark1(new Watermark(T0 + 14 * MIN));
            assertThat(alerts(h)).isEmpty();
            h.processWatermark1(new Watermark(T0 + 40 * MIN));
            assertThat(alerts(h)).containsExactly("silent-sensor@15m:s1 silent in z1");
        }
    }

    @Test
    void anEventBehindTheReleasedWatermarkIsLateCountedAndNotEvaluated() throws Exception {
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.open();
            h.processElement1(reading("s1", "z1", T0 + 5 * MIN, 10));
            h.processWatermark1(new Watermark(T0 + 5 * MIN));
            // It arrived without a zone (resolved to z1 for routing and rules): a re-encoding of
            // what Esper would have
            // seen would carry the zone; the late event must be the bytes as they came.
            AirQualityObserved noZone =
                    AirQualityObserved.newBuilder()
                            .setId("s2")
                            .setDateObserved(Instant.ofEpochMilli(T0 + 3 * MIN))
                            .setLocation(new GeoPoint(41.15, -8.61))
                            .setZone(null)
                            .setNo2(500.0)
                            .build();
            byte[] arrived = Codecs.forType(AirQualityObserved.class).encode(noZone);
            StreamRecord<CepEvent> tooLate =
                    new StreamRecord<>(CepEventCodec.event(noZone, arrived, "z1"), T0 + 3 * MIN);
            h.processElement1(tooLate);
            h.processWatermark1(new Watermark(T0 + 6 * MIN));
            assertThat(alerts(h)).isEmpty();
            ConcurrentLinkedQueue<StreamRecord<LateEvent>> late =
                    h.getSideOutput(EsperOperator.LATE);
            assertThat(late).hasSize(1);
            LateEvent event = late.peek().getValue();
            assertThat(event.key).isEqualTo("s2");
            assertThat(event.watermark).isEqualTo(T0 + 5 * MIN);
            assertThat(event.value)
                    .as("the bytes it arrived as, not a re-encoding")
                    .isEqualTo(arrived);
        }
    }

    @Test
    void afterARestoreTheAlertsEqualThoseOfAnUninterruptedRun() throws Exception {
        List<StreamRecord<CepEvent>> input = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            input.add(reading("s" + (i % 3), "z" + (i % 2), T0 + i * MIN, 60 + 5 * i));
        }
        List<String> uninterrupted;
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.open();
            feed(h, input, 0, 30);
            uninterrupted = alerts(h);
        }
        assertThat(uninterrupted).isNotEmpty();

        OperatorSubtaskState snapshot;
        List<String> beforeFailure;
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.open();
            feed(h, input, 0, 15);
            snapshot = h.snapshot(1, T0 + 15 * MIN);
            // Work after the checkpoint is lost with the failure (the exactly-once sink aborts it).
            feed(h, input, 15, 20);
            beforeFailure = alerts(h).subList(0, committedCount(h, T0 + 14 * MIN));
        }
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.initializeState(snapshot);
            h.open();
            feed(h, input, 15, 30);
            List<String> all = new ArrayList<>(beforeFailure);
            all.addAll(alerts(h));
            assertThat(all).containsExactlyElementsOf(uninterrupted);
        }
    }

    /**
     * Two instances checkpoint after releasing different watermarks (instance 0 up to 20 min,
     * instance 1 up to 10 min); the job is rescaled to one instance, and again to two from a
     * checkpoint taken before the new instance passed the old marks. The committed alerts of the
     * old instances and the alerts after each restore together are those of an uninterrupted run,
     * each once.
     */
    /**
     * Every fifth reading in a row above 100 µg/m³ of a zone, counted in a window recovered from
     * its rows: an event applied twice (once in the rows, once more from the history) would move
     * every later alert.
     */
    static String fifthHighReading() {
        return """
module runs;
@Tag(name='recovery', value='windows')
create window Run#unique(zone) as (zone string, n long);
on AirQualityObserved as r merge Run as s where s.zone = r.zone
when matched and r.no2 > 100 and (s.n + 1) % 5 = 0
    then update set n = s.n + 1 then insert into Fifth select r.zone as zone, s.n + 1 as n
when matched and r.no2 > 100 then update set n = s.n + 1
when matched then update set n = 0L
when not matched then insert select r.zone as zone, case when r.no2 > 100 then 1L else 0L end as n;

@Name('fifth-high')
@Description('every fifth NO2 reading in a row above 100 in a zone')
@Tag(name='severity', value='INFO')
@Tag(name='partition', value='zone')
@Tag(name='message', value='{n} in {zone}')
select zone, n from Fifth;
""";
    }

    static Stream<RuleSetUpdate> bothRecoveries() {
        return Stream.of(ruleSet(1, rules(75)), ruleSet(1, fifthHighReading()));
    }

    @ParameterizedTest
    @MethodSource("bothRecoveries")
    void aRescaledOperatorEmitsEveryAlertOnceThoughItsInstancesHadReleasedDifferentWatermarks(
            RuleSetUpdate rules) throws Exception {
        String zoneA = zoneOfSubtask(0);
        String zoneB = zoneOfSubtask(1);
        List<StreamRecord<CepEvent>> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(reading("s" + (i % 4), i % 2 == 0 ? zoneA : zoneB, T0 + i * MIN, 60 + 5 * i));
        }
        List<String> uninterrupted;
        try (var h = harness(rules)) {
            h.open();
            feed(h, input, 0, 40);
            uninterrupted = alerts(h);
        }

        List<String> emitted = new ArrayList<>();
        long[] releasedAt = {T0 + 20 * MIN, T0 + 10 * MIN};
        OperatorSubtaskState[] before = new OperatorSubtaskState[2];
        for (int subtask = 0; subtask < 2; subtask++) {
            try (var h = harness(rules, 2, subtask)) {
                h.open();
                for (StreamRecord<CepEvent> r : input.subList(0, 22)) {
                    if (subtaskOf(r, 2) == subtask) {
                        h.processElement1(r);
                    }
                }
                h.processWatermark1(new Watermark(releasedAt[subtask]));
                before[subtask] = h.snapshot(1, 0);
                emitted.addAll(alerts(h));
            }
        }
        assertThat(emitted)
                .as("zone A alerted between the two instances' watermarks")
                .anyMatch(a -> a.contains("@1") && a.endsWith(zoneA));
        OperatorSubtaskState both = AbstractStreamOperatorTestHarness.repackageState(before);

        OperatorSubtaskState rescaledAgain;
        try (var h = harness(rules, 1, 0)) {
            h.initializeState(
                    AbstractStreamOperatorTestHarness.repartitionOperatorState(
                            both, MAX_PARALLELISM, 2, 1, 0));
            h.open();
            // Zone A had been released up to 20 min: a reading of 15 min is late for it, as it
            // was for its old instance.
            h.processElement1(reading("s0", zoneA, T0 + 15 * MIN, 500));
            assertThat(h.getSideOutput(EsperOperator.LATE)).hasSize(1);
            rescaledAgain = h.snapshot(2, 0);
            List<String> afterOne = new ArrayList<>(emitted);
            feed(h, input, 22, 40);
            afterOne.addAll(alerts(h));
            assertThat(afterOne)
                    .as("rescaled 2 → 1")
                    .containsExactlyInAnyOrderElementsOf(uninterrupted);
        }

        List<String> afterTwo = new ArrayList<>(emitted);
        for (int subtask = 0; subtask < 2; subtask++) {
            try (var h = harness(rules, 2, subtask)) {
                h.initializeState(
                        AbstractStreamOperatorTestHarness.repartitionOperatorState(
                                rescaledAgain, MAX_PARALLELISM, 1, 2, subtask));
                h.open();
                for (StreamRecord<CepEvent> r : input.subList(22, 40)) {
                    if (subtaskOf(r, 2) == subtask) {
                        h.processElement1(r);
                    }
                    h.processWatermark1(new Watermark(r.getTimestamp() - MIN));
                }
                afterTwo.addAll(alerts(h));
            }
        }
        assertThat(afterTwo)
                .as("rescaled 2 → 1 → 2")
                .containsExactlyInAnyOrderElementsOf(uninterrupted);
    }

    /** A zone name whose key group belongs to instance {@code subtask} of two. */
    private static String zoneOfSubtask(int subtask) {
        for (int i = 0; ; i++) {
            String zone = "zone-" + i;
            if (KeyGroupRangeAssignment.assignKeyToParallelOperator(zone, MAX_PARALLELISM, 2)
                    == subtask) {
                return zone;
            }
        }
    }

    private static int subtaskOf(StreamRecord<CepEvent> r, int parallelism) {
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(
                new CepKeys(Partitioning.ZONE).getKey(r.getValue()), MAX_PARALLELISM, parallelism);
    }

    /** Alerts up to the watermark released before the checkpoint. */
    private static int committedCount(
            KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, Alert> h, long watermark) {
        return (int)
                h.extractOutputValues().stream()
                        .filter(a -> a.getEventTime().toEpochMilli() <= watermark)
                        .count();
    }

    /** Elements [from, to) each followed by a watermark one minute behind it. */
    private static void feed(
            KeyedTwoInputStreamOperatorTestHarness<String, CepEvent, RuleSetUpdate, Alert> h,
            List<StreamRecord<CepEvent>> input,
            int from,
            int to)
            throws Exception {
        for (int i = from; i < to; i++) {
            h.processElement1(input.get(i));
            h.processWatermark1(new Watermark(input.get(i).getTimestamp() - MIN));
        }
    }

    @Test
    void aReloadedRuleKeepsTheWindowContentsOfTheRunningOne() throws Exception {
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.open();
            h.processElement1(reading("s1", "z1", T0, 90));
            h.processElement1(reading("s1", "z1", T0 + MIN, 90));
            h.processWatermark1(new Watermark(T0 + MIN));
            assertThat(alerts(h)).isEmpty();
            // The analyst lowers the threshold; the hour's window still holds the two 90s.
            h.processElement2(new StreamRecord<>(ruleSet(2, rules(80))));
            h.processElement1(reading("s1", "z1", T0 + 2 * MIN, 75));
            h.processWatermark1(new Watermark(T0 + 2 * MIN));
            assertThat(alerts(h)).containsExactly("high-no2@2m:NO2 85 in z1");
            assertThat(h.extractOutputValues().get(0).getRuleVersion()).isEqualTo(2);
            assertThat(h.getSideOutput(EsperOperator.STATUS))
                    .extracting(r -> r.getValue().status)
                    .containsExactly("ACTIVE");
        }
    }

    /** Reads no air-quality reading: the history keeps none of them for it. */
    private static final String NOISE_ONLY =
            """
module noise;
@Name('loud')
@Description('a very loud reading')
@Tag(name='severity', value='INFO')
@Tag(name='partition', value='zone')
@Tag(name='message', value='loud in {zone}')
select zone from NoiseLevelObserved(LAeq > 200);
""";

    /** Two readings of 90 the running rules do not keep, a checkpoint, then the hourly rule. */
    private static List<String> alertsOfAnHourlyRuleReloadedAfterReadingsNoRuleKept(
            Duration keptAtLeast) throws Exception {
        try (var h = harness(ruleSet(1, NOISE_ONLY), 1, 0, keptAtLeast)) {
            h.open();
            h.processElement1(reading("s1", "z1", T0, 90));
            h.processElement1(reading("s1", "z1", T0 + MIN, 90));
            h.processWatermark1(new Watermark(T0 + MIN + MIN / 2));
            h.snapshot(1, T0 + 2 * MIN); // prunes the history
            h.processElement2(new StreamRecord<>(ruleSet(2, rules(80))));
            h.processElement1(reading("s1", "z1", T0 + 2 * MIN, 75));
            h.processWatermark1(new Watermark(T0 + 2 * MIN));
            return alerts(h);
        }
    }

    @Test
    void aReloadHistoryFillsTheWindowsOfARuleThatReadsWhatNoRunningRuleKept() throws Exception {
        assertThat(alertsOfAnHourlyRuleReloadedAfterReadingsNoRuleKept(Duration.ofHours(1)))
                .containsExactly("high-no2@2m:NO2 85 in z1");
        // Without it the hour's window starts with the reading after the switch alone (mean 75).
        assertThat(alertsOfAnHourlyRuleReloadedAfterReadingsNoRuleKept(Duration.ZERO)).isEmpty();
    }

    @Test
    void aBrokenReloadIsRejectedWithTheReasonAndTheOldRulesKeepRunning() throws Exception {
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.open();
            h.processElement2(
                    new StreamRecord<>(
                            ruleSet(
                                    2,
                                    rules(80)
                                            .replace(
                                                    "avg(no2) > 80",
                                                    "java.lang.System.exit(0) > 80"))));
            RuleStatus status = h.getSideOutput(EsperOperator.STATUS).peek().getValue();
            assertThat(status.status).isEqualTo("REJECTED");
            assertThat(status.detail).contains("test.epl:").contains("sandbox");
            h.processElement1(reading("s1", "z1", T0, 120));
            h.processWatermark1(new Watermark(T0));
            assertThat(h.extractOutputValues())
                    .extracting(Alert::getRuleVersion)
                    .containsExactly(1);
        }
    }

    @Test
    void aReloadWithAModuleOfAPartitionTheJobDoesNotRunIsRejected() throws Exception {
        try (var h = harness(ruleSet(1, rules(100)))) {
            h.open();
            h.processElement2(
                    new StreamRecord<>(
                            ruleSet(
                                    2,
                                    rules(80)
                                            .replace("value='zone')", "value='city')")
                                            .replace(
                                                    "select zone,",
                                                    "select zone, 'city' as city,"))));
            RuleStatus status = h.getSideOutput(EsperOperator.STATUS).peek().getValue();
            assertThat(status.status).isEqualTo("REJECTED");
            assertThat(status.detail).contains("partitioned by city");
        }
    }

    @Test
    void historyOlderThanTheRulesHorizonIsPrunedAtCheckpoints() throws Exception {
        try (var h = harness(ruleSet(1, rules(1000)))) {
            h.open();
            h.processElement1(reading("s1", "z1", T0, 10));
            h.processElement1(reading("s1", "z2", T0 + 30 * MIN, 10));
            h.processWatermark1(new Watermark(T0 + 30 * MIN));
            h.snapshot(1, 1);
            assertThat(h.numKeyedStateEntries())
                    .as("both zones still within the 1 h horizon")
                    .isEqualTo(2);
            h.processElement1(reading("s1", "z2", T0 + 90 * MIN, 10));
            h.processWatermark1(new Watermark(T0 + 90 * MIN));
            h.snapshot(2, 2);
            assertThat(h.numKeyedStateEntries())
                    .as("z1's only event is older than the horizon")
                    .isEqualTo(1);
        }
    }

    @Test
    void eachEventTypeIsPrunedToTheHorizonOfTheModulesThatReadIt() throws Exception {
        String rules =
                """
module hourly;
@Name('high-no2')
@Description('hourly mean NO2 above 1000')
@Tag(name='severity', value='WARNING')
@Tag(name='partition', value='zone')
@Tag(name='message', value='NO2 {no2} in {zone}')
select zone, avg(no2) as no2 from AirQualityObserved#time(1 hour) group by zone having avg(no2) > 1000;
""";
        String noise =
                """
module loud;
@Name('loud')
@Description('10-minute mean noise above 200 dB')
@Tag(name='severity', value='WARNING')
@Tag(name='partition', value='zone')
@Tag(name='message', value='{laeq} dB in {zone}')
select zone, avg(LAeq) as laeq from NoiseLevelObserved#time(10 min) group by zone having avg(LAeq) > 200;
""";
        RuleSetUpdate set =
                RuleSetUpdate.of(
                        1,
                        List.of(
                                new RuleFile("hourly.epl", rules),
                                new RuleFile("loud.epl", noise)));
        try (var h = harness(set)) {
            h.open();
            h.processElement1(reading("s1", "z-air", T0, 10));
            NoiseLevelObserved n =
                    NoiseLevelObserved.newBuilder()
                            .setId("n1")
                            .setDateObserved(Instant.ofEpochMilli(T0))
                            .setLocation(new GeoPoint(41.15, -8.61))
                            .setZone("z-noise")
                            .setLAeq(60.0)
                            .build();
            h.processElement1(new StreamRecord<>(CODEC.encode(n, "z-noise"), T0));
            h.processWatermark1(new Watermark(T0 + 30 * MIN));
            h.snapshot(1, 1);
            assertThat(h.numKeyedStateEntries())
                    .as(
                            "the reading within the air-quality rule's hour is kept, the noise"
                                    + " reading past the noise rule's 10 minutes is not")
                    .isEqualTo(1);
        }
    }

    /** Events in the recovery history of every key of the harness's operator. */
    private static int historyEvents(
            KeyedTwoInputStreamOperatorTestHarness<String, CepEvent, RuleSetUpdate, Alert> h)
            throws Exception {
        int[] events = {0};
        ((EsperOperator) h.getOperator())
                .getKeyedStateBackend()
                .applyToAllKeys(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        RecoveryHistory.DESCRIPTOR,
                        (key, state) -> state.get().forEach(e -> events[0]++));
        return events[0];
    }

    @Test
    void aModuleRecoveredFromItsWindowsResumesFromItsRowsWithoutKeepingItsEvents()
            throws Exception {
        // A zone above 100 from minute 5 on: its fifth, tenth … readings alert, the run reaching
        // back further than any history would.
        List<StreamRecord<CepEvent>> input = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            input.add(reading("s" + (i % 3), "z1", T0 + i * MIN, i < 5 ? 50 : 150));
        }
        List<String> uninterrupted;
        try (var h = harness(ruleSet(1, fifthHighReading()))) {
            h.open();
            feed(h, input, 0, 60);
            uninterrupted = alerts(h);
        }
        assertThat(uninterrupted).hasSize(10).first().asString().startsWith("fifth-high@9m");

        OperatorSubtaskState snapshot;
        List<String> beforeFailure;
        try (var h = harness(ruleSet(1, fifthHighReading()))) {
            h.open();
            feed(h, input, 0, 40);
            snapshot = h.snapshot(1, T0 + 40 * MIN);
            assertThat(historyEvents(h))
                    .as(
                            "of 40 events, only the one at the released watermark (the horizon's"
                                    + " edge) and the one not yet released are kept")
                    .isEqualTo(2);
            feed(h, input, 40, 45);
            beforeFailure = alerts(h).subList(0, committedCount(h, T0 + 38 * MIN));
        }
        try (var h = harness(ruleSet(1, fifthHighReading()))) {
            h.initializeState(snapshot);
            h.open();
            feed(h, input, 40, 60);
            List<String> all = new ArrayList<>(beforeFailure);
            all.addAll(alerts(h));
            assertThat(all).containsExactlyElementsOf(uninterrupted);
        }
    }

    @Test
    void aReloadCarriesTheRowsOfAnUnchangedWindowIntoTheNewRuleSet() throws Exception {
        try (var h = harness(ruleSet(1, fifthHighReading()))) {
            h.open();
            List<StreamRecord<CepEvent>> input = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                input.add(reading("s1", "z1", T0 + i * MIN, 150));
            }
            feed(h, input, 0, 7);
            String v2 = fifthHighReading().replace("every fifth", "each fifth");
            h.processElement2(new StreamRecord<>(ruleSet(2, v2)));
            assertThat(h.getSideOutput(EsperOperator.STATUS).peek().getValue().status)
                    .isEqualTo("ACTIVE");
            feed(h, input, 7, 20);
            assertThat(alerts(h))
                    .extracting(a -> a.substring(0, a.indexOf(':')))
                    .containsExactly("fifth-high@4m", "fifth-high@9m", "fifth-high@14m");
        }
    }
}
