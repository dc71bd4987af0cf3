package io.leadline.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the Maven root, so devstack works from the root (./run) and from a module directory (surefire). */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path locate() {
        String configured = System.getProperty("leadline.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("gateway"))
                    && Files.isDirectory(dir.resolve("devstack"))) {
                return dir;
            }
        }
        return start;
    }
}
