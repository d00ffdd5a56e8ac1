package org.exhunt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The example images of {@code examples/}, and copies of them with fixed file times for golden outputs. */
final class Examples {

    static final Instant FIXED_TIME = Instant.parse("2021-03-03T04:05:06Z");

    /**
     * An image every row of which comes out CLEAN (exit code 0): its patch history dates the fixes and its logs cover
     * the rest. The {@code clean} image cannot be cleared (nothing dates its build's install: exit code 3).
     */
    static final String CLEARED = "build-changes-mid-log";

    private Examples() {}

    static Path example(String name) {
        Path dir = Path.of(System.getProperty("exhunt.root", ".."), "examples", name);
        if (!Files.isDirectory(dir)) throw new IllegalStateException("example image missing: " + dir.toAbsolutePath());
        return dir;
    }

    /** Copies an example into {@code target} and sets every file's modification time to {@link #FIXED_TIME}. */
    static Path copyWithFixedTimes(String name, Path target) throws IOException {
        Path source = example(name);
        List<Path> all;
        try (Stream<Path> walk = Files.walk(source)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Path to = target.resolve(source.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(to);
            } else {
                Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(to, FileTime.from(FIXED_TIME));
            }
        }
        return target;
    }
}
