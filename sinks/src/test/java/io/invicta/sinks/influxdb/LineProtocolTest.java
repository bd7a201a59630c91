package io.invicta.sinks.influxdb;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineProtocolTest {

    private static InfluxPoint.Builder point() {
        return InfluxPoint.measurement("m").time(1_700_000_000_123L, TimeUnit.MILLISECONDS);
    }

    private static String line(InfluxPoint p) {
        return LineProtocol.encode(p, TimeUnit.MILLISECONDS);
    }

    private static String reason(InfluxPoint p) {
        StringBuilder sb = new StringBuilder("kept\n");
        String reason = LineProtocol.append(p, TimeUnit.MILLISECONDS, sb);
        assertThat(sb).as("buffer left as it was").hasToString("kept\n");
        return reason;
    }

    @Test
    void encodesTagsSortedAndEveryFieldType() {
        InfluxPoint p =
                point().tag("zone", "north")
                        .tag("sensor", "s1")
                        .field("mean", 12.5)
                        .field("count", 6L)
                        .field("ok", true)
                        .field("note", "fine")
                        .build();

        assertThat(line(p))
                .isEqualTo(
                        "m,sensor=s1,zone=north mean=12.5,count=6i,ok=true,note=\"fine\""
                                + " 1700000000123");
    }

    @Test
    void escapesCommaEqualsAndSpaceInKeysAndTagValuesAndOnlyCommaAndSpaceInTheMeasurement() {
        InfluxPoint p =
                InfluxPoint.measurement("air quality,1m=x")
                        .time(5, TimeUnit.MILLISECONDS)
                        .tag("sensor id", "a,b=c d")
                        .tag("k=v,w", "x")
                        .field("f ,=", 1L)
                        .build();

        assertThat(line(p))
                .isEqualTo(
                        "air\\ quality\\,1m=x,k\\=v\\,w=x,sensor\\ id=a\\,b\\=c\\ d f\\ \\,\\==1i"
                                + " 5");
    }

    @Test
    void theIssuesSensorIdWithANewlineIsRejectedNotSplitIntoTwoPoints() {
        InfluxPoint p = point().tag("sensor", "a,b=c d\nx value=1").field("v", 1.0).build();

        assertThat(reason(p))
                .isEqualTo(
                        "value of tag \"sensor\" \"a,b=c d\\nx value=1\" contains a line break, "
                                + "which line protocol cannot represent");
    }

    @Test
    void lineBreaksAreRejectedInEveryName() {
        assertThat(
                        reason(
                                InfluxPoint.measurement("m\r")
                                        .time(1, TimeUnit.SECONDS)
                                        .field("v", 1L)
                                        .build()))
                .startsWith("measurement \"m\\r\" contains a line break");
        assertThat(reason(point().tag("k\n", "v").field("v", 1L).build()))
                .startsWith("tag key \"k\\n\" contains a line break");
        assertThat(reason(point().field("f\nx", 1L).build()))
                .startsWith("field key \"f\\nx\" contains a line break");
    }

    @Test
    void stringFieldsEscapeQuotesAndBackslashesAndMayHoldLineBreaks() {
        InfluxPoint p = point().field("s", "say \"hi\"\\\nbye\\").build();

        assertThat(line(p)).isEqualTo("m s=\"say \\\"hi\\\"\\\\\nbye\\\\\" 1700000000123");
    }

    @Test
    void aBackslashIsKeptLiterallyUnlessLineProtocolWouldMisreadIt() {
        assertThat(line(point().tag("path", "C:\\temp").field("v", 1L).build()))
                .isEqualTo("m,path=C:\\temp v=1i 1700000000123");
        for (String bad : new String[] {"end\\", "a\\\\b", "a\\,b", "a\\=b", "a\\ b"}) {
            assertThat(reason(point().tag("t", bad).field("v", 1L).build()))
                    .as(bad)
                    .contains("has a backslash at its end or before");
        }
    }

    @Test
    void nanAndInfinityAreRejectedPerPointWithTheFieldNamed() {
        assertThat(reason(point().field("ok", 1.0).field("mean", Double.NaN).build()))
                .isEqualTo("field \"mean\" is NaN, which InfluxDB cannot store");
        assertThat(reason(point().field("max", Double.POSITIVE_INFINITY).build()))
                .isEqualTo("field \"max\" is Infinity, which InfluxDB cannot store");
        assertThat(reason(point().field("min", Double.NEGATIVE_INFINITY).build()))
                .contains("-Infinity");
    }

    @Test
    void emptyTagValuesAreDroppedButEmptyNamesAreRejected() {
        assertThat(
                        line(
                                point().tag("zone", "")
                                        .tag("sensor", null)
                                        .tag("s", "x")
                                        .field("v", 1L)
                                        .build()))
                .isEqualTo("m,s=x v=1i 1700000000123");
        assertThat(
                        reason(
                                InfluxPoint.measurement("")
                                        .time(1, TimeUnit.SECONDS)
                                        .field("v", 1L)
                                        .build()))
                .isEqualTo("measurement is empty");
        assertThat(reason(point().tag("", "x").field("v", 1L).build()))
                .isEqualTo("tag key is empty");
        assertThat(reason(point().field("", 1L).build())).isEqualTo("field key is empty");
    }

    @Test
    void aMeasurementStartingWithHashWouldBeACommentAndIsRejected() {
        assertThat(
                        reason(
                                InfluxPoint.measurement("#m")
                                        .time(1, TimeUnit.SECONDS)
                                        .field("v", 1L)
                                        .build()))
                .contains("starts with '#'");
    }

    @Test
    void timestampsAreConvertedToTheWritePrecision() {
        InfluxPoint p =
                InfluxPoint.measurement("m")
                        .time(1_700_000_000_123L, TimeUnit.MILLISECONDS)
                        .field("v", 1L)
                        .build();

        assertThat(LineProtocol.encode(p, TimeUnit.NANOSECONDS)).endsWith(" 1700000000123000000");
        assertThat(LineProtocol.encode(p, TimeUnit.SECONDS)).endsWith(" 1700000000");
    }

    @Test
    void unicodeIsWrittenAsIs() {
        assertThat(line(point().tag("rua", "São João 🚦").field("v", 1L).build()))
                .isEqualTo("m,rua=São\\ João\\ 🚦 v=1i 1700000000123");
    }

    @Test
    void pointsNeedATimestampAndAField() {
        assertThatThrownBy(() -> InfluxPoint.measurement("m").field("v", 1L).build())
                .hasMessageContaining("has no timestamp");
        assertThatThrownBy(() -> InfluxPoint.measurement("m").time(1, TimeUnit.SECONDS).build())
                .hasMessageContaining("has no fields");
    }

    @Test
    void toStringOfAPointStaysOnOneLine() {
        assertThat(point().tag("sensor", "a\nb").field("v", 1L).build().toString())
                .doesNotContain("\n")
                .contains("a\\nb");
    }
}
