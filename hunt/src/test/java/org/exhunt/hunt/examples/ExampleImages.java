package org.exhunt.hunt.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.exhunt.testkit.image.ExampleTimes;
import org.exhunt.testkit.image.ExpectedScan;

/** The example images of {@code examples/} beside their expected-verdict files, for the tests of every module. */
public final class ExampleImages {

    private ExampleImages() {}

    public static Path examplesDir() {
        Path dir = Path.of(System.getProperty("exhunt.root", ".."), "examples");
        if (!Files.isDirectory(dir)) throw new IllegalStateException("examples missing: " + dir.toAbsolutePath());
        return dir;
    }

    /** The build table beside the project's rules (a byte-for-byte copy of the shared one). */
    public static Path buildTable() {
        return Path.of(System.getProperty("exhunt.root", ".."), "rules", "kb", "exchange-builds.csv");
    }

    /** Every image that has an expected-verdict file, by name. */
    public static List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(examplesDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected.json"))
                    .map(n -> n.substring(0, n.length() - ".expected.json".length())).sorted().toList();
        }
    }

    public static Path image(String name) {
        return examplesDir().resolve(name);
    }

    /** The image's file times, as the test kit or the hand-made image's author wrote them ({@link ExampleTimes}). */
    public static Path times(String name) {
        return examplesDir().resolve(name + ".times");
    }

    /**
     * Copies an example into {@code target} (a new or empty folder) with the file times of its story, as the exhunt
     * launcher gives them to the checkout's files: what a user scans.
     */
    public static Path copyWithTheirTimes(String name, Path target) throws IOException {
        Path source = image(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        List<String> missing = ExampleTimes.apply(times(name), target);
        if (!missing.isEmpty()) throw new IllegalStateException(name + ".times lists files the image lacks: " + missing);
        return target;
    }

    public static ExpectedScan expected(String name) throws IOException {
        return ExpectedScan.read(examplesDir().resolve(name + ".expected.json"));
    }
}
