package io.invicta.rules;

import io.invicta.rules.EplLexer.Kind;
import io.invicta.rules.EplLexer.Token;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far back a module's rules look: the longest time period written in it ({@code #time(24
 * hours)}, {@code timer:within(15 min)}, {@code 1 hour 30 minutes} …). The operator keeps that much
 * of the event history to rebuild the rules' windows after a restore or a reload. A module can ask
 * for more with {@code @Tag(name='horizon', value='2 hours')}, e.g. for count windows whose events
 * span longer.
 */
final class Horizon {

    private static final Map<String, Long> UNIT_MILLIS =
            Map.ofEntries(
                    Map.entry("week", 604_800_000L),
                    Map.entry("weeks", 604_800_000L),
                    Map.entry("day", 86_400_000L),
                    Map.entry("days", 86_400_000L),
                    Map.entry("hour", 3_600_000L),
                    Map.entry("hours", 3_600_000L),
                    Map.entry("minute", 60_000L),
                    Map.entry("minutes", 60_000L),
                    Map.entry("min", 60_000L),
                    Map.entry("second", 1_000L),
                    Map.entry("seconds", 1_000L),
                    Map.entry("sec", 1_000L),
                    Map.entry("millisecond", 1L),
                    Map.entry("milliseconds", 1L),
                    Map.entry("msec", 1L));

    private Horizon() {}

    static Duration of(String eplText) {
        List<Token> tokens = EplLexer.tokens(eplText);
        long longest = 0;
        long current = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Long unit =
                    i + 1 < tokens.size() && t.kind() == Kind.NUMBER
                            ? UNIT_MILLIS.get(tokens.get(i + 1).text().toLowerCase(Locale.ROOT))
                            : null;
            if (unit != null) {
                current += (long) (Double.parseDouble(t.text()) * unit);
                i++;
            } else {
                longest = Math.max(longest, current);
                current = 0;
                if (t.kind() == Kind.STRING && isHorizonTagValue(tokens, i)) {
                    longest =
                            Math.max(
                                    longest,
                                    of(t.text().substring(1, Math.max(1, t.text().length() - 1)))
                                            .toMillis());
                }
            }
        }
        return Duration.ofMillis(Math.max(longest, current));
    }

    /**
     * Only the value of {@code @Tag(name='horizon', value='...')} counts among strings: a
     * description saying "at most 35 days a year" must not make the operator keep 35 days of
     * events.
     */
    private static boolean isHorizonTagValue(List<Token> tokens, int i) {
        return i >= 5
                && tokens.get(i - 1).is("=")
                && tokens.get(i - 2).isWord("value")
                && tokens.get(i - 3).is(",")
                && tokens.get(i - 4).kind() == Kind.STRING
                && tokens.get(i - 4)
                        .text()
                        .substring(1, tokens.get(i - 4).text().length() - 1)
                        .equals("horizon");
    }
}
