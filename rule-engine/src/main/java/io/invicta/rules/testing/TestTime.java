package io.invicta.rules.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times in rule test cases: an ISO instant ({@code 2024-05-01T10:00:00Z}) or an offset from the
 * case's {@code start} ({@code +0}, {@code +30} seconds, {@code +15m}, {@code +1h30m}, {@code
 * +90s}, {@code +500ms}).
 */
final class TestTime {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s|d)");

    private TestTime() {}

    static long parse(Object value, Long start) {
        // YAML reads "+0" and "+30" as numbers: a bare number is an offset in seconds.
        String text =
                value instanceof Number n
                        ? "+" + n.longValue() + "s"
                        : String.valueOf(value).trim();
        if (text.startsWith("+")) {
            if (start == null) {
                throw new IllegalArgumentException(
                        "relative time '" + text + "' needs a 'start' in the case");
            }
            return start + offset(text.substring(1)).toMillis();
        }
        return Instant.parse(text).toEpochMilli();
    }

    private static Duration offset(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total =
                    total.plus(
                            switch (m.group(2)) {
                                case "ms" -> Duration.ofMillis(n);
                                case "s" -> Duration.ofSeconds(n);
                                case "m" -> Duration.ofMinutes(n);
                                case "h" -> Duration.ofHours(n);
                                default -> Duration.ofDays(n);
                            });
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            throw new IllegalArgumentException(
                    "cannot read time offset '+" + text + "' (e.g. +15m, +1h30m, +90s)");
        }
        return total;
    }
}
