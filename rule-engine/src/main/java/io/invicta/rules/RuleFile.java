package io.invicta.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One rule module as an analyst wrote it: the file name (reported in errors and used as the Esper
 * deployment id) and its EPL text.
 */
public record RuleFile(String name, String text) {

    public RuleFile {
        if (name == null || name.isBlank() || text == null) {
            throw new IllegalArgumentException("a rule file needs a name and a text");
        }
    }

    /** The module name: the file name without directories and without {@code .epl}. */
    public String moduleName() {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.endsWith(".epl") ? base.substring(0, base.length() - 4) : base;
    }

    public static RuleFile read(Path path) {
        try {
            return new RuleFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + path, e);
        }
    }

    /**
     * The {@code *.epl} files named, a directory standing for the files directly in it, sorted by
     * name.
     */
    public static List<RuleFile> readAll(List<Path> paths) {
        List<RuleFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(p -> p.getFileName().toString().endsWith(".epl"))
                            .sorted()
                            .forEach(p -> files.add(read(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list rule directory " + path, e);
                }
            } else {
                files.add(read(path));
            }
        }
        return files;
    }
}
