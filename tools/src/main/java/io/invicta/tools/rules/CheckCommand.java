package io.invicta.tools.rules;

import io.invicta.rules.RuleFile;
import io.invicta.rules.RuleInfo;
import io.invicta.rules.RuleSet;

import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * {@code rules check}: compiles every module against the event types through the sandbox. Problems
 * go to stderr as {@code file:line:col: message} (editors and CI annotate those); on success a
 * summary of modules, rules, partitions and horizons goes to stdout.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description =
                "Compile the rule modules (sandbox, event types, rule contract); print a summary.")
final class CheckCommand extends CheckedRuleSetCommand {

    @Override
    int run(List<RuleFile> files, RuleSet checked) {
        printSummary(checked, out());
        return 0;
    }

    static void printSummary(RuleSet set, PrintWriter out) {
        out.printf(
                "%-20s %-9s %-8s %-8s %5s  %s%n",
                "MODULE", "PARTITION", "RECOVERY", "HORIZON", "RULES", "EVENT TYPES");
        for (RuleSet.CompiledModule m : set.modules()) {
            out.printf(
                    "%-20s %-9s %-8s %-8s %5d  %s%n",
                    m.name(),
                    m.partitioning().tagValue(),
                    m.recovery().tagValue(),
                    human(m.horizon()),
                    m.rules().size(),
                    String.join(", ", m.eventTypes()));
        }
        for (RuleSet.CompiledModule m : set.modules()) {
            for (RuleInfo r : m.rules()) {
                out.printf("  %-36s %-8s %s%n", r.name(), r.severity(), m.name());
            }
        }
        out.printf(
                "OK: %d modules, %d rules, horizon %s%n",
                set.modules().size(), set.rules().size(), human(set.horizon()));
        out.flush();
    }

    static String human(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        if (d.toMinutes() * 60_000 != d.toMillis()) {
            return d.toMillis() + "ms";
        }
        long h = d.toHours();
        long m = d.toMinutesPart();
        return h > 0 ? h + "h" + (m > 0 ? m + "m" : "") : m + "m";
    }
}
