package io.invicta.tools.rules;

import io.invicta.rules.RuleFile;
import io.invicta.rules.RuleSet;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What every {@code rules} subcommand does first: read the rule files (exit 2 when a path is
 * missing) and check them (problems to stderr as {@code file:line:col: message}, exit 1).
 * Subcommands go on with the checked set.
 */
abstract class CheckedRuleSetCommand implements Callable<Integer> {

    @Mixin RuleSources sources;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        PrintWriter err = err();
        List<RuleFile> files = sources.read(err);
        if (files == null) {
            return 2;
        }
        RuleSet set = RuleSources.compile(0, files, err);
        if (set == null) {
            afterFailedCheck(err);
            return 1;
        }
        int exit = run(files, set);
        out().flush();
        return exit;
    }

    /** The subcommand's work on a rule set that passed the check; returns the exit code. */
    abstract int run(List<RuleFile> files, RuleSet checked) throws Exception;

    void afterFailedCheck(PrintWriter err) {}

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
