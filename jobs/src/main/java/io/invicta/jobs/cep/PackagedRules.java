package io.invicta.jobs.cep;

import io.invicta.rules.RuleFile;

import org.apache.flink.configuration.ReadableConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The rule set a job starts with: the files named by {@code cep.rules-path}, or else the {@code
 * cep-rules/*.epl} packaged in the job jar (copied there from the repository's {@code cep-rules/}
 * at build time).
 */
public final class PackagedRules {

    static final String FOLDER = "cep-rules/";

    private PackagedRules() {}

    public static RuleSetUpdate load(ReadableConfig config) {
        int version = config.get(CepOptions.RULES_VERSION);
        return config.getOptional(CepOptions.RULES_PATH)
                .map(
                        paths ->
                                RuleSetUpdate.of(
                                        version,
                                        RuleFile.readAll(
                                                Arrays.stream(paths.split(","))
                                                        .map(String::trim)
                                                        .map(Path::of)
                                                        .toList())))
                .orElseGet(() -> RuleSetUpdate.of(version, packaged()));
    }

    /** The packaged rule files, by name, whether the classes are in a jar or a directory. */
    static List<RuleFile> packaged() {
        try {
            Path location =
                    Path.of(
                            PackagedRules.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (var files = Files.list(location.resolve(FOLDER))) {
                    files.map(p -> FOLDER + p.getFileName()).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream()
                            .map(JarEntry::getName)
                            .filter(n -> n.startsWith(FOLDER))
                            .forEach(names::add);
                }
            }
            List<RuleFile> files = new ArrayList<>();
            for (String name :
                    names.stream()
                            .filter(n -> n.endsWith(".epl"))
                            .sorted(Comparator.naturalOrder())
                            .toList()) {
                try (InputStream in =
                        PackagedRules.class.getClassLoader().getResourceAsStream(name)) {
                    files.add(
                            new RuleFile(
                                    name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("no rule files packaged under " + FOLDER);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged rules", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
