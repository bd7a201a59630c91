package io.invicta.jobs.io;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.codec.Codecs;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AvroKafkaDeserializerTest {

    private static final EventKind<AirQualityObserved> KIND = EventKind.AIR_QUALITY;
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private final List<Decoded<AirQualityObserved>> out = new ArrayList<>();
    private long offset;

    private AvroKafkaDeserializer<AirQualityObserved> deserializer() {
        return deserializer(ValidationOptions.maxMessageBytes(new Configuration())); // the default
    }

    private AvroKafkaDeserializer<AirQualityObserved> deserializer(int maxMessageBytes) {
        AvroKafkaDeserializer<AirQualityObserved> d =
                new AvroKafkaDeserializer<>(
                        KIND,
                        KIND.validator(Duration.ofHours(1)),
                        KIND.anomalies(AnomalyOptions.plausibility(new Configuration())),
                        maxMessageBytes);
        d.open(new StandaloneContext());
        return d;
    }

    private static byte[] reading(String sensor, Instant at, double no2) {
        return Codecs.forType(AirQualityObserved.class)
                .encode(
                        AirQualityObserved.newBuilder()
                                .setId(sensor)
                                .setDateObserved(at)
                                .setLocation(new GeoPoint(41.15, -8.61))
                                .setNo2(no2)
                                .build());
    }

    private void send(AvroKafkaDeserializer<AirQualityObserved> d, String key, byte[] value)
            throws Exception {
        d.deserialize(
                new ConsumerRecord<>(
                        "air-quality",
                        0,
                        offset++,
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        value),
                new Collector<>() {
                    @Override
                    public void collect(Decoded<AirQualityObserved> record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
    }

    @Test
    void aReadingSentTwiceIsADeadLetterTheSecondTimeWithItsBytesAndWhereItCameFrom()
            throws Exception {
        var d = deserializer();
        byte[] first = reading("s1", T, 40);
        send(d, "s1", first);
        send(d, "s1", first.clone());

        assertThat(out.get(0).value()).isNotNull();
        DeadLetter letter = out.get(1).deadLetter();
        assertThat(out.get(1).value()).isNull();
        assertThat(letter.reason).isEqualTo(DeadLetter.DUPLICATE);
        assertThat(letter.value).isEqualTo(first);
        assertThat(letter.offset).isEqualTo(1);
        assertThat(letter.sourceTopic).isEqualTo("air-quality");
        assertThat(letter.detail).contains("s1").contains(T.toString());
    }

    @Test
    void anotherValueTimeOrSensorIsNoDuplicateAndAnOldReadingIsForgotten() throws Exception {
        var d = deserializer();
        send(d, "s1", reading("s1", T, 40));
        send(d, "s1", reading("s1", T, 41)); // a correction: same time, another value
        send(d, "s1", reading("s1", T.plusSeconds(60), 40)); // same value, next minute
        send(d, "s2", reading("s2", T, 40)); // another sensor
        assertThat(out).allSatisfy(o -> assertThat(o.value()).isNotNull());

        for (int i = 2; i <= RecentReadings.KEPT + 1; i++) {
            send(d, "s1", reading("s1", T.plusSeconds(60L * i), 40));
        }
        out.clear();
        send(d, "s1", reading("s1", T, 40)); // a replay of a reading long past: not remembered
        assertThat(out.get(0).value()).isNotNull();
    }

    @Test
    void aMessageOverTheLimitIsADeadLetterWithoutBeingDecoded() throws Exception {
        byte[] value = reading("s1", T, 40);
        var d = deserializer(value.length - 1);
        send(d, "s1", value);
        var atLimit = deserializer(value.length);
        send(atLimit, "s1", value);

        DeadLetter letter = out.get(0).deadLetter();
        assertThat(letter.reason).isEqualTo(DeadLetter.OVERSIZED);
        assertThat(letter.detail)
                .contains(value.length + " bytes")
                .contains("validation.max-message-size");
        assertThat(letter.value).isEqualTo(value);
        assertThat(out.get(1).value()).isNotNull();
    }

    @Test
    void aReadingKeyedByAnotherSensorIsADeadLetterAndOneWithoutKeyIsTakenAsItsSensors()
            throws Exception {
        var d = deserializer();
        send(d, "s2", reading("s1", T, 40));
        send(d, "s10", reading("s1", T, 41));
        send(d, null, reading("s1", T, 42));
        send(d, "estação-ç", reading("estação-ç", T, 43)); // a non-ASCII id, keyed by itself
        send(d, "estação-c", reading("estação-ç", T, 44));

        assertThat(out.get(0).deadLetter().reason).isEqualTo(DeadLetter.KEY_MISMATCH);
        assertThat(out.get(0).deadLetter().detail).contains("'s2'").contains("s1");
        assertThat(out.get(1).deadLetter().reason).isEqualTo(DeadLetter.KEY_MISMATCH);
        assertThat(out.get(2).value()).isNotNull();
        assertThat(out.get(3).value()).isNotNull();
        assertThat(out.get(4).deadLetter().reason).isEqualTo(DeadLetter.KEY_MISMATCH);
    }
}
