package io.invicta.tools.generate;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.TrafficFlowObserved;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every injected anomaly is really in the stream, where and as often as the ground truth says. */
class GroundTruthTest {

    private static final String START = "2026-11-24T05:00:00Z";
    private static TestStreams.Run run;
    private static final List<SpecificRecordBase> DECODED = new ArrayList<>();

    /** The same configuration without anomalies: the reference values. */
    private static final Map<String, SpecificRecordBase> CONTROL = new HashMap<>();

    private static GeneratorConfig config() {
        return TestStreams.config(300, 40, START, Duration.ofHours(7));
    }

    @BeforeAll
    static void generate() {
        GeneratorConfig c = config();
        c.anomalies.addAll(
                List.of(
                        "pollution-episode:zone=Baixa,at=PT2H,duration=PT1H",
                        "congestion:zone=Cedofeita,at=PT3H,duration=PT45M",
                        "silent:type=noise,at=PT1H,duration=PT30M",
                        "stuck:type=air-quality,at=PT4H,duration=PT1H",
                        "stuck:type=vehicle-positions",
                        "out-of-order:rate=0.002",
                        "late:rate=0.001",
                        "duplicate:rate=0.001",
                        "corrupt:rate=0.001"));
        run = TestStreams.run(c);
        TestStreams.Decoder decoder = new TestStreams.Decoder();
        run.records().forEach(r -> DECODED.add(decoder.decode(r)));
        for (TestStreams.Rec r : TestStreams.run(config()).records()) {
            SpecificRecordBase record = decoder.decode(r);
            CONTROL.put(r.keyString() + "@" + TestStreams.time(record), record);
        }
    }

    private static JsonNode only(String type) {
        List<JsonNode> lines = run.truth(type);
        assertThat(lines).as("ground truth of %s", type).hasSize(1);
        return lines.get(0);
    }

    private static long instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText()).toEpochMilli();
    }

    private static List<String> ids(JsonNode line) {
        List<String> ids = new ArrayList<>();
        line.get("entityIds").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    @Test
    void everyGroundTruthLineNamesTypeTopicEntitiesZoneAndAnEventTimeWindow() {
        assertThat(run.groundTruth()).hasSizeGreaterThan(20);
        for (JsonNode line : run.groundTruth()) {
            assertThat(line.get("type").asText())
                    .isIn(Arrays.stream(Anomaly.Kind.values()).map(Anomaly.Kind::cliName).toList());
            assertThat(Arrays.stream(EventType.ALL).map(EventType::topic))
                    .contains(line.get("topic").asText());
            assertThat(ids(line)).isNotEmpty();
            assertThat(PortoZones.indexOf(line.get("zone").asText())).isNotNegative();
            assertThat(instant(line, "end")).isGreaterThanOrEqualTo(instant(line, "start"));
            assertThat(line.get("details").isObject()).isTrue();
        }
    }

    @Test
    void silentSensorSendsNothingInsideItsWindowButReportsBeforeAndAfter() {
        JsonNode silent = only("silent");
        String id = ids(silent).get(0);
        long start = instant(silent, "start");
        long end = instant(silent, "end");
        assertThat(end - start).isEqualTo(Duration.ofMinutes(30).toMillis());
        List<Long> times = new ArrayList<>();
        for (int k = 0; k < DECODED.size(); k++) {
            if (DECODED.get(k) != null && run.records().get(k).keyString().equals(id)) {
                times.add(TestStreams.time(DECODED.get(k)));
            }
        }
        assertThat(times).noneMatch(t -> t >= start && t < end);
        assertThat(times).anyMatch(t -> t < start).anyMatch(t -> t >= end);
        assertThat(silent.at("/details/suppressedEvents").asLong()).isEqualTo(30);
    }

    @Test
    void stuckSensorsRepeatIdenticalReadingsThroughoutTheirWindowOfAtLeastAnHour() {
        List<JsonNode> stuck = run.truth("stuck");
        assertThat(stuck).hasSize(2);
        for (JsonNode line : stuck) {
            String id = ids(line).get(0);
            long start = instant(line, "start");
            long end = instant(line, "end");
            assertThat(end - start).isGreaterThanOrEqualTo(Duration.ofHours(1).toMillis());
            Set<String> distinct = new HashSet<>();
            int inWindow = 0;
            for (int k = 0; k < DECODED.size(); k++) {
                SpecificRecordBase r = DECODED.get(k);
                if (r != null
                        && run.records().get(k).keyString().equals(id)
                        && !isDuplicate(k)
                        && TestStreams.time(r) >= start
                        && TestStreams.time(r) < end) {
                    SpecificRecordBase copy = r.getSpecificData().deepCopy(r.getSchema(), r);
                    copy.put("dateObserved", Instant.EPOCH);
                    if (copy.getSchema().getField("dateObservedFrom") != null) {
                        copy.put("dateObservedFrom", Instant.EPOCH);
                    }
                    distinct.add(copy.toString());
                    inWindow++;
                }
            }
            assertThat(inWindow)
                    .as("readings of %s in its window", id)
                    .isEqualTo(line.at("/details/affectedEvents").asInt())
                    .isGreaterThan(3);
            assertThat(distinct).as("distinct readings of %s", id).hasSize(1);
        }
    }

    @Test
    void pollutionEpisodeRaisesNo2AndPm10OfItsZoneOnlyDuringItsWindow() {
        JsonNode episode = only("pollution-episode");
        assertThat(episode.get("zone").asText()).isEqualTo("Baixa");
        long start = instant(episode, "start");
        long end = instant(episode, "end");
        assertThat(start).isEqualTo(Instant.parse(START).plus(Duration.ofHours(2)).toEpochMilli());
        Set<String> zoneIds = new HashSet<>(ids(episode));
        assertThat(zoneIds).isNotEmpty();
        Set<String> stuck = new HashSet<>();
        run.truth("stuck").forEach(l -> stuck.addAll(ids(l)));
        int raised = 0;
        for (int k = 0; k < DECODED.size(); k++) {
            if (DECODED.get(k) instanceof AirQualityObserved a && !isDuplicate(k)) {
                AirQualityObserved normal =
                        (AirQualityObserved) CONTROL.get(a.getId() + "@" + TestStreams.time(a));
                boolean inside =
                        zoneIds.contains(a.getId())
                                && TestStreams.time(a) >= start
                                && TestStreams.time(a) < end;
                assertThat(zoneIds.contains(a.getId())).isEqualTo("Baixa".equals(a.getZone()));
                if (inside) {
                    assertThat(a.getNo2() - normal.getNo2())
                            .isCloseTo(
                                    episode.at("/details/no2AddedUgM3").asDouble(), within(0.11));
                    assertThat(a.getPm10() - normal.getPm10())
                            .isCloseTo(
                                    episode.at("/details/pm10AddedUgM3").asDouble(), within(0.11));
                    raised++;
                } else if (normal != null && !stuck.contains(a.getId())) {
                    assertThat(a.getNo2()).isEqualTo(normal.getNo2());
                }
            }
        }
        assertThat(raised)
                .isEqualTo(episode.at("/details/affectedEvents").asInt())
                .isEqualTo(zoneIds.size() * 60);
    }

    private static boolean isDuplicate(int k) {
        return k > 0
                && Arrays.equals(run.records().get(k - 1).value(), run.records().get(k).value());
    }

    @Test
    void congestionMoreThanHalvesSpeedAndRaisesOccupancyOnEveryTrafficSensorOfTheZone() {
        JsonNode congestion = only("congestion");
        long start = instant(congestion, "start");
        long end = instant(congestion, "end");
        Set<String> zoneIds = new HashSet<>(ids(congestion));
        assertThat(zoneIds).isNotEmpty();
        int congested = 0;
        for (int k = 0; k < DECODED.size(); k++) {
            if (DECODED.get(k) instanceof TrafficFlowObserved t
                    && !isDuplicate(k)
                    && zoneIds.contains(t.getId())
                    && TestStreams.time(t) >= start
                    && TestStreams.time(t) < end) {
                TrafficFlowObserved normal =
                        (TrafficFlowObserved) CONTROL.get(t.getId() + "@" + TestStreams.time(t));
                assertThat(t.getAverageVehicleSpeed())
                        .isLessThan(0.5 * normal.getAverageVehicleSpeed());
                assertThat(t.getOccupancy()).isGreaterThan(normal.getOccupancy());
                assertThat(t.getCongested()).isTrue();
                assertThat(t.getZone()).isEqualTo(congestion.get("zone").asText());
                congested++;
            }
        }
        assertThat(congested)
                .isEqualTo(zoneIds.size() * 45)
                .isEqualTo(congestion.at("/details/affectedEvents").asInt());
    }

    @Test
    void duplicatesAreTheSameBytesSentTwiceExactlyAsOftenAsTheGroundTruthSays() {
        int pairs = 0;
        List<TestStreams.Rec> records = run.records();
        for (int k = 1; k < records.size(); k++) {
            TestStreams.Rec a = records.get(k - 1);
            TestStreams.Rec b = records.get(k);
            if (a.type() == b.type()
                    && Arrays.equals(a.key(), b.key())
                    && Arrays.equals(a.value(), b.value())) {
                pairs++;
            }
        }
        assertThat(pairs).isPositive().isEqualTo(run.truth("duplicate").size());
        assertThat(run.summary().injected()).containsEntry("duplicate", (long) pairs);
    }

    @Test
    void corruptRecordsFailToDecodeAndTheirCountPerTopicMatchesTheGroundTruth() {
        Map<EventType, Integer> undecodable = new EnumMap<>(EventType.class);
        for (int k = 0; k < DECODED.size(); k++) {
            if (DECODED.get(k) == null) {
                undecodable.merge(run.records().get(k).type(), 1, Integer::sum);
            }
        }
        Map<EventType, Integer> expected = new EnumMap<>(EventType.class);
        run.truth("corrupt").forEach(l -> expected.merge(topic(l), 1, Integer::sum));
        assertThat(undecodable).isNotEmpty().isEqualTo(expected);
    }

    private static EventType topic(JsonNode line) {
        return EventType.parse(line.get("topic").asText());
    }

    @Test
    void lateAndOutOfOrderEventsTrailTheirTopicsMaximumByTheirLagAndNothingElseIsOutOfOrder() {
        Map<String, JsonNode> shifted = new HashMap<>();
        for (String type : List.of("late", "out-of-order")) {
            for (JsonNode l : run.truth(type)) {
                shifted.put(
                        l.get("topic").asText() + "/" + ids(l).get(0) + "@" + instant(l, "start"),
                        l);
            }
        }
        assertThat(run.truth("late")).isNotEmpty();
        assertThat(run.truth("out-of-order")).isNotEmpty();
        long[] max = new long[EventType.ALL.length];
        Arrays.fill(max, Long.MIN_VALUE);
        int behind = 0;
        List<TestStreams.Rec> records = run.records();
        for (int k = 0; k < records.size(); k++) {
            SpecificRecordBase r = DECODED.get(k);
            TestStreams.Rec rec = records.get(k);
            if (r == null || isDuplicate(k)) {
                continue; // corrupt copies and duplicates
            }
            int topic = rec.type().ordinal();
            long t = TestStreams.time(r);
            if (t < max[topic]) {
                JsonNode truth = shifted.get(rec.type().topic() + "/" + rec.keyString() + "@" + t);
                assertThat(truth)
                        .as("an event behind its topic's maximum is in the ground truth")
                        .isNotNull();
                assertThat(max[topic] - t)
                        .isEqualTo(truth.at("/details/lagMs").asLong())
                        .isGreaterThanOrEqualTo(truth.at("/details/minLagMs").asLong());
                if (truth.get("type").asText().equals("late")) {
                    assertThat(max[topic] - t)
                            .isGreaterThanOrEqualTo(Duration.ofMinutes(2).toMillis());
                }
                behind++;
            }
            max[topic] = Math.max(max[topic], t);
        }
        assertThat(behind).isEqualTo(shifted.size());
    }
}
