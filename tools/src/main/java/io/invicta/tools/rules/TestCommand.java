package io.invicta.tools.rules;

import io.invicta.cep.RuleFile;
import io.invicta.cep.RuleSet;
import io.invicta.cep.testing.RuleTests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rules test}: runs the test cases kept beside each module ({@code noise.epl} →
 * {@code noise.tests.yaml}), one fresh event-time runtime per case, in file order: the same files always print
 * the same report. A module without a test file fails: an untested rule is not ready to deploy.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the *.tests.yaml cases beside each rule module; print PASS/FAIL per case.")
final class TestCommand implements Callable<Integer> {

    @Mixin
    RuleSources sources;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RuleFile> files = sources.read(err);
        if (files == null) {
            return 2;
        }
        RuleSet set = RuleSources.compile(0, files, err);
        if (set == null) {
            return 1;
        }
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
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    static Path testFileOf(RuleFile file) {
        Path path = Path.of(file.name());
        Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
        return dir.resolve(file.moduleName() + ".tests.yaml");
    }
}
