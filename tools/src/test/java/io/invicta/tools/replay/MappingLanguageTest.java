package io.invicta.tools.replay;

import io.invicta.schemas.NoiseLevelObserved;
import io.invicta.schemas.OnStreetParking;
import io.invicta.schemas.WeatherObserved;
import io.invicta.schemas.codec.Codecs;
import io.invicta.schemas.codec.DecodeResult;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What a file needs no pre-processing for: arithmetic between columns, keys with punctuation, JSON
 * documents holding an array of records, and intervals with a start and an end.
 */
class MappingLanguageTest {

    @TempDir Path tmp;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static <T extends SpecificRecord> List<T> decoded(
            Class<T> type, MappingTestSupport.Collected sink) {
        return sink.events.stream()
                .map(
                        e ->
                                ((DecodeResult.Success<T>) Codecs.forType(type).decode(e.value()))
                                        .value())
                .toList();
    }

    private static final String PARKING_HEAD =
            "input: {format: csv, header: true}\n"
                    + "target: {type: OnStreetParking}\n"
                    + "time: {template: '${t}', format: iso-local, zone: UTC}\n";

    @Test
    void anExpressionComputesAFieldFromSeveralColumns() throws Exception {
        Path mapping =
                file(
                        "parking.yaml",
                        PARKING_HEAD
                                + "fields:\n"
                                + "  id: '${site}'\n"
                                + "  location.lat: {expr: '(row.lat1 + row.lat2) / 2.0'}\n"
                                + "  location.lon: {expr: '(row.lon1 + row.lon2) / 2.0'}\n"
                                + "  totalSpotNumber: {column: total}\n"
                                + "  availableSpotNumber: {expr: 'row.total - row.occupied'}\n");
        Path data =
                file(
                        "parking.csv",
                        "site,t,total,occupied,lat1,lat2,lon1,lon2\n"
                                + "p1,2024-05-01T10:00,120,100,41.10,41.20,-8.60,-8.62\n"
                                + "p1,2024-05-01T10:15,120,,41.10,41.20,-8.60,-8.62\n"
                                + "p2,2024-05-01T10:00,50,53,41.10,41.20,-8.60,-8.62\n");
        Replayer replayer = MappingTestSupport.replayer(mapping, false);

        List<OnStreetParking> events =
                decoded(OnStreetParking.class, MappingTestSupport.run(replayer, data));

        assertThat(events)
                .extracting(
                        OnStreetParking::getId,
                        OnStreetParking::getAvailableSpotNumber,
                        p -> p.getLocation().getLat(),
                        p -> p.getLocation().getLon())
                .containsExactly(
                        tuple("p1", 20, (41.10 + 41.20) / 2.0, (-8.60 + -8.62) / 2.0),
                        tuple("p2", -3, (41.10 + 41.20) / 2.0, (-8.60 + -8.62) / 2.0));
        assertThat(replayer.stats().rejectedByReason)
                .as("arithmetic on an empty value rejects the row")
                .containsEntry("expression-error", 1L);
    }

    @Test
    void anExpressionIsCheckedWhenTheMappingLoadsAndItsColumnsWhenTheFileOpens() throws Exception {
        assertThatThrownBy(
                        () ->
                                CompiledMapping.load(
                                        file(
                                                "broken.yaml",
                                                PARKING_HEAD
                                                        + "fields: {id: x, location.lat: '1',"
                                                        + " location.lon: '1',"
                                                        + " availableSpotNumber: {expr: 'row.total"
                                                        + " -'}}\n")))
                .hasMessageContaining("fields.availableSpotNumber")
                .hasMessageContaining("not valid CEL");
        assertThatThrownBy(
                        () ->
                                CompiledMapping.load(
                                        file(
                                                "whole.yaml",
                                                PARKING_HEAD
                                                        + "fields: {id: x, location.lat: '1',"
                                                        + " location.lon: '1',"
                                                        + " availableSpotNumber: {expr:"
                                                        + " 'size(row)'}}\n")))
                .hasMessageContaining("row.name or row['name']");

        Path mapping =
                file(
                        "typo.yaml",
                        PARKING_HEAD
                                + "fields: {id: x, location.lat: '1', location.lon: '1',"
                                + " availableSpotNumber: {expr: 'row.totl - row.occupied'}}\n");
        Path data = file("typo.csv", "t,total,occupied\n2024-05-01T10:00,10,4\n");
        assertThatThrownBy(
                        () ->
                                MappingTestSupport.run(
                                        MappingTestSupport.replayer(mapping, false), data))
                .hasMessageContaining("has no column totl");
    }

    @Test
    void aJsonDocumentsArrayOfRecordsWithPunctuatedKeysIsReadWithoutPreProcessing()
            throws Exception {
        Path mapping =
                file(
                        "snapshot.yaml",
                        "input: {format: json, records: result.records}\n"
                                + "target: {type: WeatherObserved}\n"
                                + "time: {template: \"${'dc:modified'}\", format: iso-local, zone:"
                                + " Europe/Madrid}\n"
                                + "fields:\n"
                                + "  id: \"${'ayto:station'}\"\n"
                                + "  location.lat: {column: 'geo:lat'}\n"
                                + "  location.lon: {column: 'geo:long'}\n"
                                + "  temperature: {column: 'ayto:temperature'}\n"
                                + "  relativeHumidity: {expr: \"row['ayto:humidity'] / 100.0\"}\n");
        Path data =
                file(
                        "snapshot.json",
                        "{\"result\": {\"count\": 3, \"records\": [\n"
                                + "  {\"ayto:station\": \"s1\", \"dc:modified\":"
                                + " \"2024-05-01T12:00:17.65\", \"geo:lat\": 40.4, \"geo:long\":"
                                + " -3.7, \"ayto:temperature\": 21.5, \"ayto:humidity\": 40},\n"
                                + "  \"not a record\",\n"
                                + "  {\"ayto:station\": \"s2\", \"dc:modified\":"
                                + " \"2024-05-01T12:00:04.145\", \"geo:lat\": 40.5, \"geo:long\":"
                                + " -3.6, \"ayto:temperature\": 19.0, \"ayto:humidity\": 55}\n"
                                + "]}, \"license\": \"CC-BY\"}\n");
        Replayer replayer = MappingTestSupport.replayer(mapping, false);

        MappingTestSupport.Collected sink = MappingTestSupport.run(replayer, data);

        assertThat(decoded(WeatherObserved.class, sink))
                .extracting(
                        WeatherObserved::getId,
                        WeatherObserved::getDateObserved,
                        WeatherObserved::getTemperature,
                        WeatherObserved::getRelativeHumidity)
                .containsExactly( // in event-time order, as the replay sends them
                        tuple("s2", Instant.parse("2024-05-01T10:00:04.145Z"), 19.0, 0.55),
                        tuple("s1", Instant.parse("2024-05-01T10:00:17.650Z"), 21.5, 0.40));
        assertThat(replayer.stats().rejectedByReason).containsEntry("bad-json", 1L);
        assertThatThrownBy(
                        () ->
                                MappingTestSupport.run(
                                        MappingTestSupport.replayer(
                                                file(
                                                        "wrongpath.yaml",
                                                        Files.readString(mapping)
                                                                .replace(
                                                                        "result.records",
                                                                        "result.rows")),
                                                false),
                                        data))
                .hasMessageContaining("no array at input.records 'result.rows'");
    }

    @Test
    void anIntervalSetsTheStartOfEachObservationBeforeItsEnd() throws Exception {
        Path mapping =
                file(
                        "noise.yaml",
                        "input: {format: csv, header: true}\n"
                                + "target: {type: NoiseLevelObserved}\n"
                                + "time: {template: '${end}', format: iso-local, zone: UTC,"
                                + " interval: PT15M}\n"
                                + "fields: {id: n1, location.lat: '41.1', location.lon: '-8.6',"
                                + " LAeq: '${laeq}'}\n");
        Path data = file("noise.csv", "end,laeq\n2024-05-01T10:15,61.5\n");

        List<NoiseLevelObserved> events =
                decoded(
                        NoiseLevelObserved.class,
                        MappingTestSupport.run(MappingTestSupport.replayer(mapping, true), data));

        assertThat(events)
                .singleElement()
                .satisfies(
                        n -> {
                            assertThat(n.getDateObserved())
                                    .isEqualTo(Instant.parse("2024-05-01T10:15:00Z"));
                            assertThat(n.getDateObservedFrom())
                                    .isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
                        });
        assertThatThrownBy(
                        () ->
                                CompiledMapping.load(
                                        file(
                                                "weather.yaml",
                                                Files.readString(mapping)
                                                        .replace(
                                                                "NoiseLevelObserved",
                                                                "WeatherObserved")
                                                        .replace("LAeq", "temperature"))))
                .hasMessageContaining("WeatherObserved has no dateObservedFrom");
    }
}
