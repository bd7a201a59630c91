package io.invicta.jobs.cep;

import io.invicta.jobs.io.LateEvent;
import io.invicta.rules.HourlyForm;
import io.invicta.schemas.AirQualityObserved;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HourlyEventsTest {

    private static final long HOUR = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    private static final HourlyForm AIR = HourlyForm.named("AirQualityObservedHourly").get();
    private static final CepEventCodec CODEC = new CepEventCodec();

    private static KeyedOneInputStreamOperatorTestHarness<String, CepEvent, CepEvent> harness()
            throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new HourlyEvents(AIR)),
                        e -> e.sensor,
                        Types.STRING);
        harness.setup();
        return harness;
    }

    private static List<CepEvent> emitted(
            KeyedOneInputStreamOperatorTestHarness<String, CepEvent, CepEvent> h) {
        return h.extractOutputValues();
    }

    @Test
    void eachSensorsHourComesOutOnceTheWatermarkPassesItsLastMillisecond() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(EsperOperatorTest.reading("s1", "z1", HOUR + 1_000, 100));
            h.processElement(EsperOperatorTest.reading("s1", "z1", HOUR + 2_000, 140));
            h.processElement(EsperOperatorTest.reading("s2", "z1", HOUR + 3_000, 50));
            h.processElement(EsperOperatorTest.reading("s1", "z1", HOUR + 3_600_000, 10));
            h.processWatermark(HOUR + 3_600_000 - 2);
            assertThat(emitted(h)).isEmpty();

            h.processWatermark(HOUR + 3_600_000 - 1);

            List<CepEvent> hours = emitted(h);
            assertThat(hours).extracting(e -> e.sensor).containsExactlyInAnyOrder("s1", "s2");
            for (CepEvent e : hours) {
                assertThat(e.time).isEqualTo(HOUR + 3_600_000 - 1);
                assertThat(CepEventCodec.typeName(e)).isEqualTo("AirQualityObservedHourly");
                assertThat(CepEventCodec.completeAt(e)).isEqualTo(HOUR + 3_600_000);
            }
            AirQualityObserved s1 =
                    (AirQualityObserved)
                            CODEC.decode(
                                    hours.stream()
                                            .filter(e -> e.sensor.equals("s1"))
                                            .findFirst()
                                            .get());
            assertThat(s1.getNo2()).isEqualTo(120.0);
            assertThat(s1.getZone()).isEqualTo("z1");
        }
    }

    @Test
    void aReadingForAnHourAlreadyEmittedIsLateNotLost() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement(EsperOperatorTest.reading("s1", "z1", HOUR + 1_000, 100));
            h.processWatermark(HOUR + 3_600_000);
            h.processElement(EsperOperatorTest.reading("s1", "z1", HOUR + 5_000, 900));

            assertThat(emitted(h)).hasSize(1);
            assertThat(h.getSideOutput(HourlyEvents.LATE))
                    .extracting(r -> ((StreamRecord<LateEvent>) r).getValue())
                    .extracting(e -> e.eventTime)
                    .containsExactly(HOUR + 5_000);
        }
    }

    @Test
    void anOpenHourSurvivesARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.open();
            h.processElement(EsperOperatorTest.reading("s1", "z1", HOUR + 1_000, 100));
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            h.processElement(EsperOperatorTest.reading("s1", "z1", HOUR + 2_000, 200));
            h.processWatermark(HOUR + 3_600_000);
            assertThat(emitted(h)).hasSize(1);
            assertThat(((AirQualityObserved) CODEC.decode(emitted(h).get(0))).getNo2())
                    .isEqualTo(150.0);
        }
    }
}
