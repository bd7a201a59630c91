package io.invicta.rules;

import io.invicta.rules.EplLexer.Kind;
import io.invicta.schemas.Severity;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.annotation.Description;
import com.espertech.esper.common.client.annotation.Tag;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.module.Module;
import com.espertech.esper.common.client.module.ModuleItem;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a compiled module declares, by deploying it once into a throw-away runtime: each
 * statement's annotations and output columns. Checks the alerting contract and reports breaches at
 * the statement's line.
 */
final class ModuleInspector {

    static final String SEVERITY = "severity";
    static final String MESSAGE = "message";
    static final String PARTITION = "partition";
    static final String HORIZON = "horizon";
    static final String RECOVERY = "recovery";
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?}");

    private ModuleInspector() {}

    static RuleSet.CompiledModule inspect(
            RuleFile file,
            Module module,
            EPCompiled compiled,
            Configuration configuration,
            List<RuleProblem> problems) {
        List<ModuleItem> items =
                module.getItems().stream().filter(i -> !i.isCommentOnly()).toList();
        EPRuntime runtime =
                EPRuntimeProvider.getRuntime("invicta-inspect-" + UUID.randomUUID(), configuration);
        try {
            EPDeployment deployment = runtime.getDeploymentService().deploy(compiled);
            EPStatement[] statements = deployment.getStatements();
            List<RuleInfo> rules = new ArrayList<>();
            Set<Partitioning> partitionings = new LinkedHashSet<>();
            Duration horizon = Horizon.of(file.text());
            int alerting = 0;
            for (int s = 0; s < statements.length; s++) {
                int line = s < items.size() ? RuleSet.statementLine(items.get(s)) : 1;
                if (tag(statements[s], SEVERITY) != null) {
                    alerting++;
                }
                RuleInfo rule = rule(file, statements[s], line, problems);
                if (rule != null) {
                    rules.add(rule);
                    partitionings.add(rule.partitioning());
                }
            }
            if (partitionings.size() > 1) {
                problems.add(
                        new RuleProblem(
                                file.name(),
                                1,
                                1,
                                "all rules of a module must share one partition, "
                                        + "found "
                                        + partitionings.stream()
                                                .map(Partitioning::tagValue)
                                                .toList()));
            }
            if (alerting == 0) {
                problems.add(
                        new RuleProblem(
                                file.name(),
                                1,
                                1,
                                "the module has no alerting statement (one with "
                                        + "@Tag(name='severity', ...))"));
                return null;
            }
            if (rules.isEmpty()) {
                return null; // its alerting statements broke the contract: reported above, one
                // problem each
            }
            Partitioning partitioning = rules.get(0).partitioning();
            Recovery recovery = recovery(file, statements, problems);
            if (recovery == Recovery.WINDOWS) {
                int before = problems.size();
                WindowsRecoveryCheck.check(file, statements, items, partitioning, problems);
                if (problems.size() > before) {
                    return null;
                }
                horizon = Duration.ZERO; // no event is kept: the windows' rows are
            }
            return new RuleSet.CompiledModule(
                    file, compiled, partitioning, eventTypes(file), horizon, recovery, rules);
        } catch (Exception e) {
            problems.add(new RuleProblem(file.name(), 1, 1, "cannot deploy: " + e.getMessage()));
            return null;
        } finally {
            runtime.destroy();
        }
    }

    private static RuleInfo rule(
            RuleFile file, EPStatement statement, int line, List<RuleProblem> problems) {
        String severity = tag(statement, SEVERITY);
        if (severity == null) {
            return null;
        }
        int before = problems.size();
        String name = statement.getName();
        if (name == null || name.startsWith("stmt-")) {
            problems.add(
                    new RuleProblem(
                            file.name(), line, 1, "an alerting statement needs @Name('...')"));
        }
        Description description = annotation(statement, Description.class);
        if (description == null || description.value().isBlank()) {
            problems.add(
                    new RuleProblem(
                            file.name(), line, 1, "rule " + name + " needs @Description('...')"));
        }
        Severity level = null;
        try {
            level = Severity.valueOf(severity);
        } catch (IllegalArgumentException e) {
            problems.add(
                    new RuleProblem(
                            file.name(),
                            line,
                            1,
                            "rule "
                                    + name
                                    + ": severity '"
                                    + severity
                                    + "' is not one of "
                                    + Arrays.toString(Severity.values())));
        }
        Partitioning partitioning = null;
        try {
            String partition = tag(statement, PARTITION);
            if (partition == null) {
                throw new IllegalArgumentException(
                        "needs @Tag(name='partition', value='zone|sensor|vehicle|city')");
            }
            partitioning = Partitioning.fromTag(partition);
        } catch (IllegalArgumentException e) {
            problems.add(
                    new RuleProblem(file.name(), line, 1, "rule " + name + ": " + e.getMessage()));
        }
        List<String> columns = List.of(statement.getEventType().getPropertyNames());
        if (partitioning != null
                && partitioning != Partitioning.CITY
                && !columns.contains(partitioning.tagValue())) {
            problems.add(
                    new RuleProblem(
                            file.name(),
                            line,
                            1,
                            "rule "
                                    + name
                                    + " is partitioned by "
                                    + partitioning.tagValue()
                                    + " and must select a column named '"
                                    + partitioning.tagValue()
                                    + "' (it selects "
                                    + columns
                                    + ")"));
        }
        String message = tag(statement, MESSAGE);
        if (message == null || message.isBlank()) {
            problems.add(
                    new RuleProblem(
                            file.name(),
                            line,
                            1,
                            "rule "
                                    + name
                                    + " needs @Tag(name='message', value='... {column} ...')"));
        } else {
            Matcher m = PLACEHOLDER.matcher(message);
            while (m.find()) {
                if (!columns.contains(m.group(1))) {
                    problems.add(
                            new RuleProblem(
                                    file.name(),
                                    line,
                                    1,
                                    "rule "
                                            + name
                                            + ": message placeholder {"
                                            + m.group(1)
                                            + "} is not a selected column "
                                            + columns));
                }
            }
        }
        return problems.size() > before
                ? null
                : new RuleInfo(
                        file.moduleName(),
                        name,
                        description.value(),
                        level,
                        message,
                        partitioning,
                        columns,
                        line);
    }

    /**
     * The module's {@code recovery} tag (on any of its statements), {@link Recovery#HISTORY} if
     * none.
     */
    private static Recovery recovery(
            RuleFile file, EPStatement[] statements, List<RuleProblem> problems) {
        Recovery found = null;
        for (EPStatement statement : statements) {
            String value = tag(statement, RECOVERY);
            if (value == null) {
                continue;
            }
            try {
                Recovery r = Recovery.fromTag(value);
                if (found != null && found != r) {
                    problems.add(
                            new RuleProblem(
                                    file.name(), 1, 1, "the module declares two recoveries"));
                }
                found = r;
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file.name(), 1, 1, e.getMessage()));
            }
        }
        return found == null ? Recovery.HISTORY : found;
    }

    static String tag(EPStatement statement, String name) {
        for (Annotation a : statement.getAnnotations()) {
            if (a instanceof Tag tag && tag.name().equals(name)) {
                return tag.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> A annotation(EPStatement statement, Class<A> type) {
        for (Annotation a : statement.getAnnotations()) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    /** The Avro event types the module's text names: the only events its runtime needs to see. */
    private static Set<String> eventTypes(RuleFile file) {
        Set<String> types = new LinkedHashSet<>();
        for (EplLexer.Token t : EplLexer.tokens(file.text())) {
            if (t.kind() == Kind.IDENT && EventTypes.readable().containsKey(t.text())) {
                types.add(t.text());
            }
        }
        return types;
    }
}
