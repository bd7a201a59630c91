package io.invicta.tools.city;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * A city file for one run of the shipped city (the demo, the drill, the benchmarks, the dashboard
 * check): the same families and jobs, each with its own consumer group ({@code <run>-<job>}) and
 * the run's options on top, so that a run reads the topics from its own offsets and writes where it
 * is told. The jobs stay listed in one place, the shipped city file.
 */
@Command(
        name = "city-run",
        mixinStandardHelpOptions = true,
        description = "Write a city file for one run of a city file's jobs.")
public final class CityRun implements Callable<Integer> {

    @Parameters(index = "0", description = "The city file (flink-conf/city.yaml).")
    Path cityFile;

    @Option(names = "--out", required = true, description = "The city file to write.")
    Path out;

    @Option(names = "--run", required = true, description = "The run's name: consumer groups.")
    String run;

    @Option(names = "--state-dir", description = "Checkpoints and savepoints of this run.")
    String stateDir;

    @Option(
            names = "--option",
            paramLabel = "KEY=VALUE",
            description = "An option of every job (repeatable), over the file's.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(
            names = "--job-option",
            paramLabel = "JOB:KEY=VALUE",
            description = "An option of one job (repeatable), e.g. rules:topic.alerts=alerts-x.")
    Map<String, String> jobOptions = new LinkedHashMap<>();

    @Option(
            names = "--flink",
            paramLabel = "KEY=VALUE",
            description = "Flink configuration of every submission (repeatable), over the file's.")
    Map<String, String> flink = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        CitySpec spec = derive(CitySpec.read(cityFile));
        new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .writeValue(out.toFile(), spec);
        return 0;
    }

    CitySpec derive(CitySpec shipped) {
        Map<String, CitySpec.JobSpec> jobs = new TreeMap<>();
        shipped.jobs()
                .forEach(
                        (key, j) -> {
                            Map<String, Object> own = new LinkedHashMap<>();
                            if (j.options() != null) {
                                own.putAll(j.options());
                            }
                            own.put("kafka.group-id", run + "-" + key);
                            jobOptions.forEach(
                                    (k, v) -> {
                                        int colon = k.indexOf(':');
                                        if (colon < 1) {
                                            throw new IllegalArgumentException(
                                                    "--job-option " + k + ": JOB:KEY=VALUE");
                                        }
                                        if (!shipped.jobs().containsKey(k.substring(0, colon))) {
                                            throw new IllegalArgumentException(
                                                    "--job-option "
                                                            + k
                                                            + ": no job "
                                                            + k.substring(0, colon)
                                                            + " in "
                                                            + shipped.jobs().keySet());
                                        }
                                        if (k.substring(0, colon).equals(key)) {
                                            own.put(k.substring(colon + 1), v);
                                        }
                                    });
                            String config =
                                    j.config() == null
                                            ? null
                                            : cityFile.toAbsolutePath()
                                                    .resolveSibling(j.config())
                                                    .normalize()
                                                    .toString();
                            jobs.put(
                                    key,
                                    new CitySpec.JobSpec(
                                            j.name(),
                                            j.family(),
                                            j.mainClass(),
                                            config,
                                            j.parallelism(),
                                            own));
                        });
        Map<String, Object> shared = new LinkedHashMap<>(shipped.sharedOptions());
        shared.putAll(options);
        Map<String, Object> conf = new LinkedHashMap<>();
        if (shipped.flink() != null) {
            conf.putAll(shipped.flink());
        }
        conf.putAll(flink);
        return new CitySpec(
                shipped.families(),
                shipped.parallelism(),
                stateDir != null ? stateDir : shipped.stateDir(),
                shared,
                conf,
                jobs);
    }

    public static void main(String[] args) {
        System.exit(
                new CommandLine(new CityRun())
                        .setExecutionExceptionHandler(
                                (e, cmd, parsed) -> {
                                    cmd.getErr().println("city-run: " + e.getMessage());
                                    return 2;
                                })
                        .execute(args));
    }
}
