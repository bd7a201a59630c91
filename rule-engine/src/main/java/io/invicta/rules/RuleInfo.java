package io.invicta.rules;

import io.invicta.schemas.Severity;

import java.util.List;

/**
 * What the rule file says about one alerting statement: its {@code @Name} (the rule id),
 * {@code @Description}, {@code @Tag(name='severity')}, {@code @Tag(name='message')} template and
 * the module's partitioning, plus the output columns the compiled statement produces.
 */
public record RuleInfo(
        String module,
        String name,
        String description,
        Severity severity,
        String message,
        Partitioning partitioning,
        List<String> columns,
        int line) {}
