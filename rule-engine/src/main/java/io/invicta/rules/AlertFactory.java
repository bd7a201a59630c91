package io.invicta.rules;

import io.invicta.schemas.Alert;

import com.espertech.esper.common.client.EventBean;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one output row of an alerting statement into an {@link Alert}: the partition key from the
 * column named like the partitioning, the message from the rule's template ({@code {column}} or
 * {@code {column:%.1f}}), every column as a string field, the Esper clock as event time, and an id
 * made of rule, key and time so that a replayed alert is recognisably the same alert.
 */
final class AlertFactory {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private AlertFactory() {}

    static Alert create(RuleInfo rule, int version, EventBean row, long eventTime) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String column : rule.columns()) {
            Object value = row.get(column);
            if (value != null) {
                fields.put(column, value instanceof Double d ? plain(d) : String.valueOf(value));
            }
        }
        String key =
                rule.partitioning() == Partitioning.CITY
                        ? "city"
                        : String.valueOf(row.get(rule.partitioning().tagValue()));
        Object zone = rule.columns().contains("zone") ? row.get("zone") : null;
        return Alert.newBuilder()
                .setId(rule.name() + "@" + key + "@" + eventTime)
                .setRuleId(rule.name())
                .setRuleVersion(version)
                .setSeverity(rule.severity())
                .setPartitionKey(key)
                .setEventTime(Instant.ofEpochMilli(eventTime))
                .setMessage(render(rule.message(), row))
                .setFields(new LinkedHashMap<>(fields))
                .setZone(zone == null ? null : zone.toString())
                .build();
    }

    static String render(String template, EventBean row) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = row.get(m.group(1));
            String text;
            if (value == null) {
                text = "?";
            } else if (m.group(2) != null) {
                try {
                    text = String.format(Locale.ROOT, m.group(2), value);
                } catch (IllegalFormatException e) {
                    text = String.valueOf(value);
                }
            } else {
                text = value instanceof Double d ? rounded(d) : String.valueOf(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Messages show at most one decimal unless the template asks otherwise: 53.2, not 53.214285714.
     */
    private static String rounded(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value)
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String plain(double value) {
        return Double.isNaN(value) || Double.isInfinite(value)
                ? String.valueOf(value)
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
