package io.invicta.tools.city;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The submissions a city file asks for: for every job of a family that runs, one options file (its
 * own file, then the city's shared options, then its own overrides) written to {@code --out}, and
 * one line on standard output for {@code scripts/city}: {@code name|class|parallelism|options file
 * |kafka group|bootstrap servers}. What runs is decided here, in one place; the script only
 * submits.
 */
@Command(
        name = "city-plan",
        mixinStandardHelpOptions = true,
        description = "Print the jobs of a city file and write their options files.")
public final class CityPlan implements Callable<Integer> {

    static final List<String> FAMILIES = List.of("environment", "mobility", "rules");

    @Parameters(index = "0", description = "The city file (flink-conf/city.yaml).")
    Path cityFile;

    @Option(names = "--out", required = true, description = "Where the options files go.")
    Path out;

    @Option(
            names = "--parallelism",
            description = "Every job at this parallelism instead of the file's (rescale).")
    Integer parallelism;

    /** One job to submit. */
    record Job(
            String name,
            String mainClass,
            int parallelism,
            Path options,
            String group,
            String bootstrap) {
        String line() {
            return String.join(
                    "|",
                    name,
                    mainClass,
                    Integer.toString(parallelism),
                    options.toString(),
                    group,
                    bootstrap);
        }
    }

    @Option(
            names = "--state-dir",
            description = "Print only the directory of checkpoints and savepoints.")
    boolean printStateDir;

    @Override
    public Integer call() throws IOException {
        if (printStateDir) {
            String dir = CitySpec.read(cityFile).stateDir();
            System.out.println(dir == null ? "" : dir);
            return 0;
        }
        for (Job job : plan(cityFile, out, parallelism)) {
            System.out.println(job.line());
        }
        return 0;
    }

    /**
     * The file in {@code --out} holding the city's Flink configuration, a {@code -Dkey=value} a
     * line.
     */
    static final String FLINK_ARGUMENTS = "flink-arguments";

    static List<Job> plan(Path cityFile, Path out, Integer parallelismOverride) throws IOException {
        CitySpec spec = CitySpec.read(cityFile);
        Set<String> families = new LinkedHashSet<>(spec.families());
        for (String f : families) {
            if (!FAMILIES.contains(f)) {
                throw new IllegalArgumentException(
                        cityFile + ": unknown family '" + f + "'; known: " + FAMILIES);
            }
        }
        ObjectMapper yaml =
                new ObjectMapper(
                        new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
        Files.createDirectories(out);
        List<Job> jobs = new ArrayList<>();
        for (Map.Entry<String, CitySpec.JobSpec> e : new TreeMap<>(spec.jobs()).entrySet()) {
            CitySpec.JobSpec j = e.getValue();
            String where = cityFile + ": jobs." + e.getKey();
            require(j.name(), where + ".name");
            require(j.mainClass(), where + ".class");
            if (!FAMILIES.contains(require(j.family(), where + ".family"))) {
                throw new IllegalArgumentException(
                        where + ".family '" + j.family() + "' is none of " + FAMILIES);
            }
            if (!families.contains(j.family())) {
                continue;
            }
            Map<String, Object> options = new LinkedHashMap<>();
            if (j.config() != null) {
                Path own = cityFile.resolveSibling(j.config());
                if (!Files.isReadable(own)) {
                    throw new IllegalArgumentException(where + ".config: cannot read " + own);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> read = yaml.readValue(own.toFile(), Map.class);
                if (read != null) {
                    options.putAll(read);
                }
            }
            options.putAll(spec.sharedOptions());
            if (j.options() != null) {
                options.putAll(j.options());
            }
            Path file = out.resolve(e.getKey() + ".yaml");
            yaml.writeValue(file.toFile(), options);
            int p =
                    parallelismOverride != null
                            ? parallelismOverride
                            : j.parallelism() != null
                                    ? j.parallelism()
                                    : spec.parallelism() == null ? 1 : spec.parallelism();
            if (p < 1) {
                throw new IllegalArgumentException(where + ": parallelism " + p + " is below 1");
            }
            jobs.add(
                    new Job(
                            j.name(),
                            j.mainClass(),
                            p,
                            file.toAbsolutePath(),
                            String.valueOf(options.getOrDefault("kafka.group-id", j.name())),
                            String.valueOf(
                                    options.getOrDefault(
                                            "kafka.bootstrap-servers", "localhost:9092"))));
        }
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException(
                    cityFile + ": no job belongs to the families " + families);
        }
        // One argument a line: scripts/city adds them to every `flink run`.
        Files.write(out.resolve(FLINK_ARGUMENTS), spec.flinkArguments());
        return jobs;
    }

    private static String require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value;
    }

    public static void main(String[] args) {
        System.exit(
                new CommandLine(new CityPlan())
                        .setExecutionExceptionHandler(
                                (e, cmd, parsed) -> {
                                    cmd.getErr().println("city: " + e.getMessage());
                                    return 2;
                                })
                        .execute(args));
    }
}
