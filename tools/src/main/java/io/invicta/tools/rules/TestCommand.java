package io.invicta.tools.rules;

import io.invicta.rules.RuleFile;
import io.invicta.rules.RuleSet;
import io.invicta.rules.testing.RuleTests;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rules test}: runs the test cases kept beside each module ({@code noise.epl} → {@code
 * noise.tests.yaml}), one fresh event-time runtime per case, in file order: the same files always
 * print the same report. A module without a test file fails: an untested rule is not ready to
 * deploy.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description =
                "Run the *.tests.yaml cases beside each rule module; print PASS/FAIL per case.")
final class TestCommand extends CheckedRuleSetCommand {

    @Override
    int run(List<RuleFile> files, RuleSet set) throws IOException {
        PrintWriter out = out();
        int passed = 0;
        int failed = 0;
        for (RuleSet.CompiledModule module : set.modules()) {
            Path tests = testFileOf(module.file());
            if (!Files.exists(tests)) {
                out.println("FAIL " + module.name() + ": no test cases (" + tests + ")");
                failed++;
                continue;
            }
            for (RuleTests.CaseResult result : RuleTests.run(set, module.name(), tests)) {
                if (result.passed()) {
                    out.println("PASS " + module.name() + ": " + result.name());
                    passed++;
                } else {
                    out.println("FAIL " + module.name() + ": " + result.name());
                    result.differences().forEach(d -> out.println("    " + d));
                    failed++;
                }
            }
        }
        out.printf("%d passed, %d failed%n", passed, failed);
        return failed == 0 ? 0 : 1;
    }

    static Path testFileOf(RuleFile file) {
        Path path = Path.of(file.name());
        Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
        return dir.resolve(file.moduleName() + ".tests.yaml");
    }
}
