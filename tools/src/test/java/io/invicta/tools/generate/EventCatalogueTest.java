package io.invicta.tools.generate;

import io.invicta.rules.EventTypes;
import io.invicta.schemas.EventKind;
import io.invicta.schemas.Topics;
import io.invicta.schemas.codec.AvroCodec;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every catalogued event kind ({@link EventKind}) through each place that must know it: the
 * codec's current schemas, the topic catalogue, the rule engine's event types and the generator,
 * whose records of the kind must decode, carry the kind's key and pass its validation. A kind added
 * to the catalogue but not wired into one of these fails here (docs/EVENT-TYPES.md lists the
 * steps).
 */
class EventCatalogueTest {

    @Test
    void theCatalogueHasUniqueNamesTypesAndIndexesInOrder() {
        List<EventKind<?>> kinds = EventKind.all();
        for (int i = 0; i < kinds.size(); i++) {
            assertThat(kinds.get(i).index()).isEqualTo(i);
            assertThat(EventKind.named(kinds.get(i).name())).isSameAs(kinds.get(i));
            assertThat(EventKind.named(kinds.get(i).typeName())).isSameAs(kinds.get(i));
            assertThat(EventKind.of(kinds.get(i).type())).isSameAs(kinds.get(i));
        }
        assertThat(kinds.stream().map(EventKind::defaultTopic)).doesNotHaveDuplicates();
    }

    @Test
    void everyKindIsKnownToTheCodecTheTopicsAndTheRuleEngine() {
        Map<String, Topics.Topic> topics =
                Topics.all().stream()
                        .collect(Collectors.toMap(Topics.Topic::name, Function.identity()));
        for (EventKind<?> kind : EventKind.all()) {
            assertThat(Codecs.CURRENT_SCHEMAS).as(kind + " in the codec").contains(kind.schema());
            assertThat(topics).as(kind + " topic").containsKey(kind.defaultTopic());
            assertThat(topics.get(kind.defaultTopic()).content()).isEqualTo(kind.typeName());
            assertThat(EventTypes.all())
                    .as(kind + " in the rule engine")
                    .containsEntry(kind.typeName(), kind.type());
            assertThat(kind.schema().getField(kind.keyField())).as(kind + " key field").isNotNull();
            assertThat(kind.schema().getField("dateObserved")).as(kind + " event time").isNotNull();
        }
        assertThat(EventTypes.names()).hasSameSizeAs(EventKind.all());
    }

    @Test
    void theGeneratorProducesEveryKindOnItsTopicKeyedAndValid() {
        TestStreams.Run run =
                TestStreams.run(
                        TestStreams.config(
                                300, 20, "2024-05-06T08:00:00Z", Duration.ofMinutes(10)));
        Set<EventKind<?>> seen = new HashSet<>();
        for (TestStreams.Rec rec : run.records()) {
            EventKind<?> kind = rec.type().kind();
            if (check(kind, rec)) {
                seen.add(kind);
            }
        }
        assertThat(seen)
                .as("kinds the generator produced valid records of")
                .containsExactlyInAnyOrderElementsOf(EventKind.all());
        for (EventKind<?> kind : EventKind.all()) {
            assertThat(EventType.of(kind).topic()).isEqualTo(kind.defaultTopic());
        }
    }

    /**
     * True when the record decodes as the kind, its key is the kind's key and it passes the kind's
     * validation.
     */
    private static <T extends SpecificRecord> boolean check(
            EventKind<T> kind, TestStreams.Rec rec) {
        AvroCodec<T> codec = Codecs.forType(kind.type());
        if (!(codec.decode(rec.value()) instanceof DecodeResult.Success<T> success)) {
            return false; // the generator's injected corrupt records
        }
        T record = success.value();
        assertThat(new String(rec.key(), StandardCharsets.UTF_8))
                .as(kind + " key")
                .isEqualTo(kind.key(record));
        String problem =
                kind.validator(Duration.ofDays(365 * 10))
                        .check(record, kind.eventTime(record).toEpochMilli());
        return problem == null;
    }
}
