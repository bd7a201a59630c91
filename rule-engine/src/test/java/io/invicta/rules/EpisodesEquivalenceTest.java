package io.invicta.rules;

import io.invicta.schemas.AirQualityObserved;
import io.invicta.schemas.Alert;
import io.invicta.schemas.GeoPoint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped NO2 episode rule keeps its run of high readings in a named window (so the rules job
 * checkpoints one row per zone instead of an hour of readings); it must raise exactly what the same
 * rule written with {@code match_recognize} and {@code every-distinct} raises, on readings of
 * several zones that hover around the limit, with gaps, ties and readings without NO2.
 */
class EpisodesEquivalenceTest {

    private static final String MATCH_RECOGNIZE =
            """
module air_quality_episodes;
create constant variable double no2HighReading = 200;
insert into HighNo2Run
select * from AirQualityObserved(no2 is not null)
match_recognize (
  partition by zone
  measures a.zone as zone, a.no2 as no2First, b.no2 as no2Second, c.no2 as no2Third
  pattern (a b c)
  define
    a as a.no2 > no2HighReading,
    b as b.no2 > no2HighReading,
    c as c.no2 > no2HighReading
         and c.dateObserved.toEpochMilli() - a.dateObserved.toEpochMilli() <= 15 * 60 * 1000
);
@Name('no2-three-high-readings')
@Description('Three consecutive NO2 readings in a zone above 200 µg/m³ within 15 minutes')
@Tag(name='severity', value='WARNING')
@Tag(name='partition', value='zone')
@Tag(name='message', value='{zone}: {no2First}, {no2Second}, {no2Third}')
select r.zone as zone, r.no2First as no2First, r.no2Second as no2Second, r.no2Third as no2Third
from pattern [every-distinct(r.zone, 1 hour) r=HighNo2Run];
""";

    private static final long START = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

    private static List<AirQualityObserved> readings(long seed) {
        Random random = new Random(seed);
        List<AirQualityObserved> readings = new ArrayList<>();
        long t = START;
        for (int i = 0; i < 4_000; i++) {
            t += random.nextInt(4) == 0 ? 0 : random.nextInt(9) * 60_000L; // ties and gaps
            Double no2 = random.nextInt(20) == 0 ? null : 150.0 + random.nextInt(100);
            readings.add(
                    AirQualityObserved.newBuilder()
                            .setId("s" + random.nextInt(6))
                            .setZone("z" + random.nextInt(3))
                            .setDateObserved(Instant.ofEpochMilli(t))
                            .setLocation(new GeoPoint(41.15, -8.61))
                            .setNo2(no2)
                            .build());
        }
        return readings;
    }

    private static List<String> alerts(String moduleText, List<AirQualityObserved> readings)
            throws Exception {
        RuleSet set =
                RuleSet.compile(1, List.of(new RuleFile("air-quality-episodes.epl", moduleText)));
        List<Alert> alerts = new ArrayList<>();
        try (RuleRuntime runtime = RuleRuntime.start(set, null, START, alerts::add)) {
            readings.forEach(runtime::send);
        }
        return alerts.stream()
                .map(
                        a ->
                                Instant.ofEpochMilli(a.getEventTime().toEpochMilli())
                                        + " "
                                        + a.getFields().get("zone")
                                        + " "
                                        + a.getFields().get("no2First")
                                        + " "
                                        + a.getFields().get("no2Second")
                                        + " "
                                        + a.getFields().get("no2Third"))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theWindowRuleRaisesWhatMatchRecognizeRaises(long seed) throws Exception {
        String shipped = Files.readString(Path.of("..", "cep-rules", "air-quality-episodes.epl"));
        assertThat(shipped).contains("@Tag(name='recovery', value='windows')");
        List<AirQualityObserved> readings = readings(seed);
        List<String> reference = alerts(MATCH_RECOGNIZE, readings);
        assertThat(reference).as("the readings make episodes").hasSizeGreaterThan(20);
        assertThat(alerts(shipped, readings)).containsExactlyElementsOf(reference);
    }
}
