package io.invicta.schemas.codec;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.GeoPoint;
import io.invicta.schemas.NoiseLevelObserved;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AvroCodecTest {

    static List<SpecificRecord> everyType() {
        return SampleEvents.everyType();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void roundTripKeepsEveryField(SpecificRecord record) {
        AvroCodec codec = Codecs.forType(record.getClass());

        byte[] bytes = codec.encode(record);
        DecodeResult<?> result = codec.decode(bytes);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(result).isInstanceOf(DecodeResult.Success.class);
        assertThat(((DecodeResult.Success<?>) result).value()).isEqualTo(record);
    }

    @Test
    void headerCarriesTheLittleEndianFingerprintOfTheWriterSchema() {
        byte[] bytes = Codecs.forType(AirQualityObserved.class).encode(SampleEvents.airQuality());

        assertThat(AvroCodec.readFingerprint(bytes))
                .isEqualTo(SchemaHistory.fingerprint(AirQualityObserved.getClassSchema()));
    }

    @Test
    void decodingReusesNoStateBetweenRecords() {
        AvroCodec<AirQualityObserved> codec = Codecs.forType(AirQualityObserved.class);
        AirQualityObserved first = SampleEvents.airQuality();
        AirQualityObserved second =
                AirQualityObserved.newBuilder(first).setId("other").setNo2(null).build();

        byte[] a = codec.encode(first);
        byte[] b = codec.encode(second);

        assertThat(success(codec.decode(a))).isEqualTo(first);
        assertThat(success(codec.decode(b))).isEqualTo(second);
    }

    @Test
    void newerProducerIsReadByOlderJobWithoutTheNewField() throws IOException {
        Schema v2 = v2Schema();
        GenericRecord written = new GenericData.Record(v2);
        AirQualityObserved v1 = SampleEvents.airQuality();
        for (Schema.Field f : AirQualityObserved.getClassSchema().getFields()) {
            written.put(f.name(), genericValue(v1, f, v2));
        }
        written.put("nh3", 7.5);
        byte[] bytes = AvroCodec.forGeneric(v2, historyWithV2()).encode(written);

        AirQualityObserved read =
                success(
                        AvroCodec.forSpecific(AirQualityObserved.class, historyWithV2())
                                .decode(bytes));

        assertThat(read).isEqualTo(v1);
    }

    @Test
    void olderProducerIsReadByNewerJobWithTheNewFieldDefaulted() throws IOException {
        Schema v2 = v2Schema();
        byte[] bytes = Codecs.forType(AirQualityObserved.class).encode(SampleEvents.airQuality());

        GenericRecord read = success(AvroCodec.forGeneric(v2, historyWithV2()).decode(bytes));

        assertThat(read.get("nh3")).isNull();
        assertThat(read.get("no2")).isEqualTo(22.0);
        assertThat(read.get("id").toString()).isEqualTo("Madrid-28079004");
    }

    @Test
    void newerVersionIsUnknownUntilItIsInTheHistory() throws IOException {
        Schema v2 = v2Schema();
        GenericRecord written = new GenericData.Record(v2);
        written.put("id", "x");
        written.put("dateObserved", 1L);
        GenericRecord location = new GenericData.Record(v2.getField("location").schema());
        location.put("lat", 1.0);
        location.put("lon", 2.0);
        written.put("location", location);
        byte[] bytes = AvroCodec.forGeneric(v2, historyWithV2()).encode(written);

        DecodeResult.Failure<?> failure =
                failure(Codecs.forType(AirQualityObserved.class).decode(bytes));

        assertThat(failure.reason()).isEqualTo(DecodeFailureReason.UNKNOWN_FINGERPRINT);
        assertThat(failure.raw()).isEqualTo(bytes);
    }

    @Test
    void emptyMessageIsAFailureNotAnException() {
        assertThat(failure(Codecs.forType(AirQualityObserved.class).decode(new byte[0])).reason())
                .isEqualTo(DecodeFailureReason.EMPTY);
        assertThat(failure(Codecs.forType(AirQualityObserved.class).decode(null)).reason())
                .isEqualTo(DecodeFailureReason.EMPTY);
    }

    @Test
    void plainJsonIsRejectedForItsHeader() {
        byte[] json = "{\"id\":\"x\",\"no2\":3}".getBytes();

        DecodeResult.Failure<?> failure =
                failure(Codecs.forType(AirQualityObserved.class).decode(json));

        assertThat(failure.reason()).isEqualTo(DecodeFailureReason.BAD_HEADER);
        assertThat(failure.raw()).isEqualTo(json);
    }

    @Test
    void truncatedBodyIsReportedAsTruncated() {
        AvroCodec<AirQualityObserved> codec = Codecs.forType(AirQualityObserved.class);
        byte[] bytes = codec.encode(SampleEvents.airQuality());

        for (int length = AvroCodec.HEADER_LENGTH; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThat(failure(codec.decode(cut)).reason())
                    .as("cut at %d", length)
                    .isEqualTo(DecodeFailureReason.TRUNCATED);
        }
    }

    @Test
    void bytesAfterTheRecordAreCorruption() {
        AvroCodec<AirQualityObserved> codec = Codecs.forType(AirQualityObserved.class);
        byte[] bytes = codec.encode(SampleEvents.airQuality());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);

        assertThat(failure(codec.decode(longer)).reason())
                .isEqualTo(DecodeFailureReason.CORRUPT_BODY);
    }

    @Test
    void impossibleUnionBranchIsCorruption() {
        AvroCodec<AirQualityObserved> codec = Codecs.forType(AirQualityObserved.class);
        AirQualityObserved record =
                AirQualityObserved.newBuilder(SampleEvents.airQuality()).setZone(null).build();
        byte[] bytes = codec.encode(record);
        // Body: id (len + bytes), dateObserved (varint), location (2 doubles), then the zone union
        // index.
        int zoneIndexAt =
                AvroCodec.HEADER_LENGTH
                        + 1
                        + record.getId().length()
                        + varintLength(bytes, AvroCodec.HEADER_LENGTH + 1 + record.getId().length())
                        + 16;
        bytes[zoneIndexAt] = 0x0A; // union branch 5 of a two-branch union

        DecodeResult.Failure<?> failure = failure(codec.decode(bytes));

        assertThat(failure.reason()).isEqualTo(DecodeFailureReason.CORRUPT_BODY);
        assertThat(failure.detail()).isNotBlank();
    }

    @Test
    void hugeLengthClaimFailsWithoutAllocatingIt() {
        AvroCodec<AirQualityObserved> codec = Codecs.forType(AirQualityObserved.class);
        byte[] bytes = codec.encode(SampleEvents.airQuality());
        // Replace the id's length with a zig-zag varint of ~1 GiB, followed by the rest of the
        // body.
        byte[] hostile = Arrays.copyOf(bytes, bytes.length + 4);
        System.arraycopy(
                bytes,
                AvroCodec.HEADER_LENGTH + 1,
                hostile,
                AvroCodec.HEADER_LENGTH + 5,
                bytes.length - AvroCodec.HEADER_LENGTH - 1);
        byte[] length = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x08};
        System.arraycopy(length, 0, hostile, AvroCodec.HEADER_LENGTH, length.length);

        assertThat(codec.decode(hostile).isSuccess()).isFalse();
    }

    @Test
    void anotherEventTypeOnTheTopicIsAnIncompatibleSchema() {
        byte[] noise =
                Codecs.forType(NoiseLevelObserved.class)
                        .encode((NoiseLevelObserved) SampleEvents.everyType().get(1));

        DecodeResult.Failure<?> failure =
                failure(Codecs.forType(AirQualityObserved.class).decode(noise));

        assertThat(failure.reason()).isEqualTo(DecodeFailureReason.INCOMPATIBLE_SCHEMA);
        assertThat(failure.detail()).contains("NoiseLevelObserved");
    }

    @Test
    void shippedHistoryKnowsEveryCurrentType() {
        SchemaHistory history = Codecs.shippedHistory();

        for (Schema schema : Codecs.CURRENT_SCHEMAS) {
            assertThat(history.find(SchemaHistory.fingerprint(schema))).isEqualTo(schema);
        }
    }

    private static int varintLength(byte[] bytes, int at) {
        int n = 1;
        while ((bytes[at + n - 1] & 0x80) != 0) {
            n++;
        }
        return n;
    }

    private static Object genericValue(AirQualityObserved record, Schema.Field field, Schema v2) {
        Object value = record.get(field.pos());
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof GeoPoint point) {
            GenericRecord location = new GenericData.Record(v2.getField("location").schema());
            location.put("lat", point.getLat());
            location.put("lon", point.getLon());
            return location;
        }
        return value;
    }

    private static Schema v2Schema() throws IOException {
        try (InputStream in =
                AvroCodecTest.class.getResourceAsStream(
                        "/io/invicta/schemas/testhistory/AirQualityObserved.v2.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    private static SchemaHistory historyWithV2() {
        return SchemaHistory.builder()
                .addAll(Codecs.CURRENT_SCHEMAS)
                .addClasspathFolder("io/invicta/schemas/testhistory")
                .build();
    }

    private static <T> T success(DecodeResult<T> result) {
        assertThat(result).isInstanceOf(DecodeResult.Success.class);
        return ((DecodeResult.Success<T>) result).value();
    }

    private static DecodeResult.Failure<?> failure(DecodeResult<?> result) {
        assertThat(result).isInstanceOf(DecodeResult.Failure.class);
        return (DecodeResult.Failure<?>) result;
    }
}
