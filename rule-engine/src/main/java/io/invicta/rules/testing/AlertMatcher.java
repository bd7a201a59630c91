package io.invicta.rules.testing;

import io.invicta.schemas.Alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares expected alerts with raised ones as multisets: each expectation consumes the first
 * unconsumed alert it matches ({@code rule} and {@code at} required; {@code key}, {@code severity},
 * {@code message} exact when given; {@code fields} a subset). Whatever is left on either side is a
 * difference.
 */
final class AlertMatcher {

    private AlertMatcher() {}

    @SuppressWarnings("unchecked")
    static List<String> differences(
            List<Map<String, Object>> expected, List<Alert> actual, Long start) {
        List<Alert> left = new ArrayList<>(actual);
        List<String> differences = new ArrayList<>();
        for (Map<String, Object> e : expected) {
            if (!e.containsKey("rule") || !e.containsKey("at")) {
                differences.add("an expected alert needs 'rule' and 'at': " + e);
                continue;
            }
            long at = TestTime.parse(e.get("at"), start);
            Alert match = null;
            for (Alert a : left) {
                if (a.getRuleId().equals(e.get("rule"))
                        && a.getEventTime().toEpochMilli() == at
                        && RuleTests.same(e.get("key"), a.getPartitionKey())
                        && RuleTests.same(e.get("severity"), a.getSeverity())
                        && RuleTests.same(e.get("message"), a.getMessage())
                        && fieldsMatch((Map<String, Object>) e.get("fields"), a.getFields())) {
                    match = a;
                    break;
                }
            }
            if (match == null) {
                differences.add("expected but not raised: " + e + nearest(e, left));
            } else {
                left.remove(match);
            }
        }
        for (Alert a : left) {
            differences.add("raised but not expected: " + RuleTests.describe(a));
        }
        return differences;
    }

    private static boolean fieldsMatch(Map<String, Object> expected, Map<String, String> actual) {
        if (expected == null) {
            return true;
        }
        for (Map.Entry<String, Object> f : expected.entrySet()) {
            if (!String.valueOf(f.getValue()).equals(actual.get(f.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String nearest(Map<String, Object> expected, List<Alert> left) {
        return left.stream()
                .filter(a -> a.getRuleId().equals(expected.get("rule")))
                .findFirst()
                .map(a -> " (nearest raised: " + RuleTests.describe(a) + ")")
                .orElse("");
    }
}
