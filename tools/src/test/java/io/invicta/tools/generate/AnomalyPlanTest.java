package io.invicta.tools.generate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnomalyPlanTest {

    private static final long START = Instant.parse("2026-11-24T00:00:00Z").toEpochMilli();
    private static final long SPAN = Duration.ofHours(12).toMillis();

    private static EnumMap<EventType, EntityTable> tables(long seed) {
        GeneratorConfig c = new GeneratorConfig().split(500, 50);
        EnumMap<EventType, EntityTable> tables = new EnumMap<>(EventType.class);
        for (EventType t : EventType.ALL) {
            tables.put(t, new EntityTable(t, c.counts.get(t), c.intervalsMs.get(t), seed, 0.3));
        }
        return tables;
    }

    private static String describe(List<Anomaly> placed) {
        StringBuilder b = new StringBuilder();
        for (Anomaly a : placed) {
            b.append(a.kind)
                    .append(' ')
                    .append(a.start)
                    .append(' ')
                    .append(a.zone)
                    .append(' ')
                    .append(a.entity)
                    .append(' ')
                    .append(a.type)
                    .append(' ')
                    .append(a.nextHit)
                    .append('\n');
        }
        return b.toString();
    }

    @Test
    void theDefaultMixIsPlacedInsideThePlannedSpanDeterministicallyFromTheSeed() {
        List<Anomaly> first = AnomalyPlan.place(AnomalyPlan.DEFAULT_MIX, 1, START, SPAN, tables(1));
        List<Anomaly> again = AnomalyPlan.place(AnomalyPlan.DEFAULT_MIX, 1, START, SPAN, tables(1));
        List<Anomaly> other = AnomalyPlan.place(AnomalyPlan.DEFAULT_MIX, 2, START, SPAN, tables(2));
        assertThat(first).hasSize(8);
        assertThat(describe(again)).isEqualTo(describe(first));
        assertThat(describe(other)).isNotEqualTo(describe(first));
        for (Anomaly a : first) {
            if (a.kind.windowed) {
                assertThat(a.start).isGreaterThanOrEqualTo(START);
                assertThat(a.end).isLessThanOrEqualTo(START + SPAN);
            } else {
                assertThat(a.rate).isPositive();
            }
        }
    }

    @Test
    void explicitParametersPlaceTheAnomalyExactly() {
        List<Anomaly> placed =
                AnomalyPlan.place(
                        List.of(
                                "congestion:zone=Bonfim,at=PT2H,duration=PT20M,speed-factor=0.25",
                                "stuck:entity=porto-aq-00003,at=PT1H",
                                "late:rate=0.5,min-lag=PT3M,max-lag=PT4M"),
                        1,
                        START,
                        SPAN,
                        tables(1));
        Anomaly congestion = placed.get(0);
        assertThat(PortoZones.NAMES[congestion.zone]).isEqualTo("Bonfim");
        assertThat(congestion.start).isEqualTo(START + Duration.ofHours(2).toMillis());
        assertThat(congestion.end - congestion.start).isEqualTo(Duration.ofMinutes(20).toMillis());
        assertThat(congestion.speedFactor).isEqualTo(0.25);
        Anomaly stuck = placed.get(1);
        assertThat(stuck.type).isEqualTo(EventType.AIR_QUALITY);
        assertThat(stuck.entity).isEqualTo(3);
        assertThat(stuck.end - stuck.start).isEqualTo(Duration.ofMinutes(90).toMillis());
        Anomaly late = placed.get(2);
        assertThat(late.rate).isEqualTo(0.5);
        for (int k = 0; k < 100; k++) {
            assertThat(late.drawLag())
                    .isBetween(Duration.ofMinutes(3).toMillis(), Duration.ofMinutes(4).toMillis());
        }
    }

    @Test
    void specsAreParsedAsKindAndKeyValueParameters() {
        Map.Entry<Anomaly.Kind, Map<String, String>> spec = AnomalyPlan.parse("corrupt:rate=0.001");
        assertThat(spec.getKey()).isEqualTo(Anomaly.Kind.CORRUPT);
        assertThat(spec.getValue()).containsExactly(Map.entry("rate", "0.001"));
    }

    @Test
    void unknownKindsParametersZonesAndEntitiesAreRejected() {
        assertThatThrownBy(() -> AnomalyPlan.parse("meteor-strike"))
                .hasMessageContaining("unknown anomaly");
        assertThatThrownBy(
                        () ->
                                AnomalyPlan.place(
                                        List.of("corrupt:ratio=0.1"), 1, START, SPAN, tables(1)))
                .hasMessageContaining("ratio");
        assertThatThrownBy(
                        () ->
                                AnomalyPlan.place(
                                        List.of("congestion:zone=Lisboa"),
                                        1,
                                        START,
                                        SPAN,
                                        tables(1)))
                .hasMessageContaining("Lisboa");
        assertThatThrownBy(
                        () ->
                                AnomalyPlan.place(
                                        List.of("silent:entity=porto-aq-99999"),
                                        1,
                                        START,
                                        SPAN,
                                        tables(1)))
                .hasMessageContaining("porto-aq-99999");
        assertThatThrownBy(
                        () ->
                                AnomalyPlan.place(
                                        List.of("stuck:duration=PT59M"), 1, START, SPAN, tables(1)))
                .hasMessageContaining("PT1H");
        assertThatThrownBy(
                        () ->
                                AnomalyPlan.place(
                                        List.of("congestion:speed-factor=0.6"),
                                        1,
                                        START,
                                        SPAN,
                                        tables(1)))
                .hasMessageContaining("speed-factor");
    }

    @Test
    void rateSamplersHitAboutTheRequestedFractionOfEvents() {
        Anomaly a =
                AnomalyPlan.place(List.of("duplicate:rate=0.01"), 9, START, SPAN, tables(9)).get(0);
        for (long seq = 0; seq < 1_000_000; seq++) {
            if (seq >= a.nextHit) {
                a.hit(seq);
            }
        }
        assertThat(a.hits).isBetween(9_000L, 11_000L);
    }
}
