package io.invicta.tools.rules;

import io.invicta.rules.RuleFile;
import io.invicta.rules.RuleSet;
import io.invicta.rules.RuleSetException;

import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule files a subcommand works on: files and directories (their {@code *.epl}), default {@code
 * cep-rules/}.
 */
final class RuleSources {

    /**
     * {@code $INVICTA_RULES_DIR} (set by scripts/rules to the repository's), else {@code
     * cep-rules}.
     */
    static final Path DEFAULT =
            Path.of(System.getenv().getOrDefault("INVICTA_RULES_DIR", "cep-rules"));

    @Parameters(
            paramLabel = "FILE|DIR",
            arity = "0..*",
            description =
                    "Rule files (*.epl) or directories of them (default: $INVICTA_RULES_DIR or"
                            + " cep-rules).")
    List<Path> paths;

    List<Path> paths() {
        return paths == null || paths.isEmpty() ? List.of(DEFAULT) : paths;
    }

    /** The files, or null after printing why they cannot be read. */
    List<RuleFile> read(PrintWriter err) {
        for (Path path : paths()) {
            if (!Files.exists(path)) {
                err.println(path + ": no such file or directory");
                return null;
            }
        }
        try {
            List<RuleFile> files = RuleFile.readAll(paths());
            if (files.isEmpty()) {
                err.println("no rule files (*.epl) in " + paths());
                return null;
            }
            return files;
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    /**
     * Compiles the files; prints every problem as {@code file:line:col: message} and returns null
     * on failure.
     */
    static RuleSet compile(int version, List<RuleFile> files, PrintWriter err) {
        try {
            return RuleSet.compile(version, files);
        } catch (RuleSetException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + " problem(s) in the rule set");
            return null;
        }
    }
}
