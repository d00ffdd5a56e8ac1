package org.exhunt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exhunt.hunt.examples.ExampleImages;

/** The example images of {@code examples/}, and copies of them with their stories' file times for golden outputs. */
final class Examples {

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

    /**
     * Copies an example into {@code target} with the file times of its story ({@code examples/<name>.times}), as the
     * exhunt launcher gives them to a checkout: git keeps no times, so the checkout's own are the day of the clone.
     */
    static Path copyWithTheirTimes(String name, Path target) throws IOException {
        return ExampleImages.copyWithTheirTimes(name, target);
    }
}
