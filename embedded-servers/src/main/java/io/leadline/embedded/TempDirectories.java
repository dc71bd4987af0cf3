package io.leadline.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Recursive delete for clean-up paths, where a leftover file must never turn a passing run into a failure. */
public final class TempDirectories {

    private TempDirectories() {
    }

    public static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(TempDirectories::deleteOne);
        } catch (IOException ignored) {
            // see class comment
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // see class comment
        }
    }
}
