package io.invicta.rules;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.module.Module;
import com.espertech.esper.common.client.module.ModuleItem;
import com.espertech.esper.common.client.module.ParseException;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompileExceptionItem;
import com.espertech.esper.compiler.client.EPCompilerProvider;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned set of rule modules, checked by the {@link Sandbox}, compiled against the Avro event
 * types and validated (every alerting statement has a name, description, severity, message and
 * partition, and selects the columns its message and partition need). Compilation either succeeds
 * for the whole set or reports every problem as {@code file:line:col}: a set that half-compiles
 * never runs.
 */
public final class RuleSet {

    private static final Pattern POSITION = Pattern.compile("at line (\\d+) column (\\d+)");

    private final int version;
    private final List<RuleFile> files;
    private final List<CompiledModule> modules;

    private RuleSet(int version, List<RuleFile> files, List<CompiledModule> modules) {
        this.version = version;
        this.files = List.copyOf(files);
        this.modules = List.copyOf(modules);
    }

    /**
     * One compiled module: its file, partitioning, event types it reads, horizon (zero when it is
     * recovered from its windows), recovery and alerting rules.
     */
    public record CompiledModule(
            RuleFile file,
            EPCompiled compiled,
            Partitioning partitioning,
            Set<String> eventTypes,
            Duration horizon,
            Recovery recovery,
            List<RuleInfo> rules) {
        public String name() {
            return file.moduleName();
        }
    }

    public static RuleSet compile(int version, List<RuleFile> files) throws RuleSetException {
        // Every parallel instance in a TaskManager compiles the same set: compile it once per JVM
        // (EPCompiled is
        // immutable and deploys into any number of runtimes). Compiling takes seconds; a restart or
        // a reload
        // with the same text is then instant.
        CacheKey key = new CacheKey(version, List.copyOf(files));
        synchronized (CACHE) {
            RuleSet cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        RuleSet compiled = compileUncached(version, files);
        synchronized (CACHE) {
            CACHE.put(key, compiled);
        }
        return compiled;
    }

    private record CacheKey(int version, List<RuleFile> files) {}

    /** The few most recent sets (a reload keeps the old one running until the new one is in). */
    private static final Map<CacheKey, RuleSet> CACHE =
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CacheKey, RuleSet> eldest) {
                    return size() > 4;
                }
            };

    private static RuleSet compileUncached(int version, List<RuleFile> files)
            throws RuleSetException {
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> moduleNames = new HashSet<>();
        for (RuleFile file : files) {
            if (!moduleNames.add(file.moduleName())) {
                problems.add(
                        new RuleProblem(
                                file.name(),
                                1,
                                1,
                                "another file has the module name " + file.moduleName()));
            }
            problems.addAll(Sandbox.check(file));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        Configuration configuration = EsperConfiguration.create();
        List<CompiledModule> modules = new ArrayList<>();
        Set<String> ruleNames = new HashSet<>();
        for (RuleFile file : files) {
            try {
                Module module = EPCompilerProvider.getCompiler().parseModule(file.text());
                module.setName(file.moduleName());
                EPCompiled compiled =
                        EPCompilerProvider.getCompiler()
                                .compile(module, new CompilerArguments(configuration));
                CompiledModule result =
                        ModuleInspector.inspect(file, module, compiled, configuration, problems);
                if (result != null) {
                    for (RuleInfo rule : result.rules()) {
                        if (!ruleNames.add(rule.name())) {
                            problems.add(
                                    new RuleProblem(
                                            file.name(),
                                            rule.line(),
                                            1,
                                            "rule name '"
                                                    + rule.name()
                                                    + "' is used twice in the rule set"));
                        }
                    }
                    modules.add(result);
                }
            } catch (ParseException e) {
                problems.add(located(file, 1, e.getMessage()));
            } catch (IOException e) {
                problems.add(new RuleProblem(file.name(), 1, 1, e.getMessage()));
            } catch (EPCompileException e) {
                if (e.getItems().isEmpty()) {
                    problems.add(located(file, 1, e.getMessage()));
                }
                for (EPCompileExceptionItem item : e.getItems()) {
                    problems.add(
                            located(file, Math.max(1, item.getLineNumber()), item.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new RuleSet(version, files, modules);
    }

    /**
     * Esper says "at line L column C" relative to the statement that starts at {@code
     * statementLine}.
     */
    private static RuleProblem located(RuleFile file, int statementLine, String message) {
        Matcher m = POSITION.matcher(message == null ? "" : message);
        if (m.find()) {
            return new RuleProblem(
                    file.name(),
                    statementLine + Integer.parseInt(m.group(1)) - 1,
                    Integer.parseInt(m.group(2)) + 1,
                    message);
        }
        return new RuleProblem(file.name(), statementLine, 1, message);
    }

    static int statementLine(ModuleItem item) {
        return item.getLineNumberContent() > 0
                ? item.getLineNumberContent()
                : Math.max(1, item.getLineNumber());
    }

    public int version() {
        return version;
    }

    public List<RuleFile> files() {
        return files;
    }

    public List<CompiledModule> modules() {
        return modules;
    }

    public List<RuleInfo> rules() {
        return modules.stream().flatMap(m -> m.rules().stream()).toList();
    }

    /** The modules of one partitioning, in file order. */
    public List<CompiledModule> modules(Partitioning partitioning) {
        return modules.stream().filter(m -> m.partitioning() == partitioning).toList();
    }

    /**
     * The names of the modules of {@code partitioning} {@link Recovery#WINDOWS recovered from their
     * windows}.
     */
    public Set<String> windowRecovered(Partitioning partitioning) {
        Set<String> names = new HashSet<>();
        for (CompiledModule m : modules(partitioning)) {
            if (m.recovery() == Recovery.WINDOWS) {
                names.add(m.name());
            }
        }
        return names;
    }

    /** The same version with only the named module (for its test cases). */
    public RuleSet only(String module) {
        List<CompiledModule> kept = modules.stream().filter(m -> m.name().equals(module)).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no rule module " + module);
        }
        return new RuleSet(version, kept.stream().map(CompiledModule::file).toList(), kept);
    }

    /**
     * How long events of {@code type} must be kept for the modules of {@code partitioning} that
     * read it: their longest horizon ({@link Duration#ZERO} when none reads it). A vehicle position
     * is kept for the vehicle rules' minutes, not for the air-quality rules' day.
     */
    public Duration horizon(Partitioning partitioning, String type) {
        return modules(partitioning).stream()
                .filter(m -> m.eventTypes().contains(type))
                .map(CompiledModule::horizon)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /** The longest horizon of the set's modules. */
    public Duration horizon() {
        return modules.stream()
                .map(CompiledModule::horizon)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }
}
