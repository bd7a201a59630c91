package io.invicta.sinks.influxdb;

import io.invicta.testkit.InfluxDbExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sensor ids and string values (commas, spaces, =, quotes, backslashes, line breaks, tabs,
 * #, unicode), written through the sink writer to a real influxd and read back: exactly one point
 * per accepted point, with exactly the tag value and string written; no extra point, tag or
 * measurement; rejected exactly when the documented rule says so.
 */
class LineProtocolPropertyIT {

    @RegisterExtension static final InfluxDbExtension INFLUX = new InfluxDbExtension("property_it");

    private static final long SEED = 20261125L;
    private static final int POINTS = 3_000;
    private static final long BASE = 1_700_000_000_000L;
    private static final String[] ALPHABET = {
        "a", "b", "Z", "0", "9", ",", " ", "=", "\"", "'", "\\", "\n", "\r", "\t", "#", "é", "ü",
        "ção", "🚦", "中", "{", "}", "i", ".", "-", "_"
    };

    static final Map<Long, String> REJECTED = new ConcurrentHashMap<>();

    @Test
    void randomTagValuesAndStringsRoundTripOnePointEachOrAreRejectedByTheDocumentedRule()
            throws Exception {
        Random random = new Random(SEED);
        Map<Long, String[]> written = new HashMap<>();
        Map<Long, String> expectRejected = new HashMap<>();
        InfluxDbSink<InfluxPoint> sink =
                InfluxDbSink.<InfluxPoint>builder()
                        .url(INFLUX.url())
                        .database(INFLUX.database())
                        .converter(new Writers.Identity())
                        .batchPoints(500)
                        .rejectedPointHandler(
                                (point, reason) -> REJECTED.put(point.time() - BASE, reason))
                        .build();
        try (InfluxDbSinkWriter<InfluxPoint> writer = Writers.open(sink, new ManualTimeService())) {
            for (long i = 0; i < POINTS; i++) {
                String sensor = randomString(random);
                String text = randomString(random);
                writer.write(
                        InfluxPoint.measurement("prop")
                                .time(BASE + i, TimeUnit.MILLISECONDS)
                                .tag("sensor", sensor)
                                .field("text", text)
                                .field("i", i)
                                .build(),
                        null);
                if (unrepresentable(sensor)) {
                    expectRejected.put(i, sensor);
                } else {
                    written.put(i, new String[] {sensor.isEmpty() ? null : sensor, text});
                }
            }
            writer.flush(true);
            assertThat(writer.metrics().pointsWritten.get()).isEqualTo(written.size());
        }

        assertThat(expectRejected).as("the generator exercises rejections").hasSizeGreaterThan(100);
        assertThat(written).as("and accepted specials").hasSizeGreaterThan(1_000);
        assertThat(REJECTED.keySet()).isEqualTo(expectRejected.keySet());
        List<Map<String, Object>> rows = INFLUX.query("SELECT * FROM prop");
        assertThat(rows).hasSize(written.size());
        for (Map<String, Object> row : rows) {
            long i = Instant.parse((String) row.get("time")).toEpochMilli() - BASE;
            String[] want = written.get(i);
            assertThat(want).as("point %s was written", i).isNotNull();
            assertThat(((Number) row.get("i")).longValue()).isEqualTo(i);
            assertThat(row.get("sensor")).as("sensor of point %s", i).isEqualTo(want[0]);
            assertThat(row.get("text")).as("text of point %s", i).isEqualTo(want[1]);
        }
        assertThat(INFLUX.query("SHOW MEASUREMENTS"))
                .extracting(r -> r.get("name"))
                .containsExactly("prop");
        assertThat(INFLUX.query("SHOW TAG KEYS"))
                .extracting(r -> r.get("tagKey"))
                .containsExactly("sensor");
        assertThat(INFLUX.query("SHOW FIELD KEYS"))
                .extracting(r -> r.get("fieldKey"))
                .containsExactlyInAnyOrder("i", "text");
    }

    /**
     * The documented rule, written independently of the encoder: line breaks, and backslashes it
     * cannot carry.
     */
    private static boolean unrepresentable(String tagValue) {
        if (tagValue.contains("\n") || tagValue.contains("\r")) {
            return true;
        }
        for (int i = 0; i < tagValue.length(); i++) {
            if (tagValue.charAt(i) == '\\'
                    && (i == tagValue.length() - 1
                            || "\\,= ".indexOf(tagValue.charAt(i + 1)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static String randomString(Random random) {
        int length = random.nextInt(10);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
