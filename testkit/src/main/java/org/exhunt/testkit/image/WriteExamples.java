package org.exhunt.testkit.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Regenerates the builder-made example images, their file times ({@link ExampleTimes}) and their expected-verdict
 * files:
 * {@code java -cp ... org.exhunt.testkit.image.WriteExamples examples rules/kb/exchange-builds.csv}
 * (examples/regenerate.sh does it). Each image folder is deleted and written again; the hand-made examples are
 * left alone.
 */
public final class WriteExamples {

    private WriteExamples() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WriteExamples EXAMPLES_DIR BUILD_TABLE_CSV");
            System.exit(2);
        }
        Path examples = Path.of(args[0]);
        BuildTable table = BuildTable.read(Path.of(args[1]));
        for (Scenario s : ExampleScenarios.all()) {
            Path image = examples.resolve(s.name());
            deleteTree(image);
            ImageBuilder.write(s, image);
            ExampleTimes.write(image, examples.resolve(s.name() + ".times"));
            ExpectedScan expected = Oracle.expect(s, table);
            if (expected.exitCode() == null || expected.verdicts().stream().anyMatch(r -> r.exposure() == null)) {
                throw new IllegalStateException(s.name() + ": a committed example must have settled expectations: " + expected);
            }
            expected.writeTo(examples.resolve(s.name() + ".expected.json"));
            System.out.println("wrote " + image + " (" + size(image) / 1024 + " KiB)");
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) total += Files.size(f);
            return total;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
