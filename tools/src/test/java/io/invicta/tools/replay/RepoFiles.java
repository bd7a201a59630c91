package io.invicta.tools.replay;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the repository (shipped data and mappings), found from the module's working directory.
 */
final class RepoFiles {

    private RepoFiles() {}

    static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/mappings"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("No data/mappings above " + Path.of("").toAbsolutePath());
    }
}
