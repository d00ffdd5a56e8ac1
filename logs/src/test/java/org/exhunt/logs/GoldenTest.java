package org.exhunt.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input under {@code src/test/resources/golden/<format>/{valid,malformed,regress}/} against the records
 * and diagnostics written by hand beside it ({@code x.log} and {@code x.expected.jsonl}). Inputs sit in
 * folders laid out as on a server ({@code Logging/HttpProxy/Ecp/...}) because readers use the path. A new case
 * is two new files.
 */
class GoldenTest {

    static final String SUFFIX = ".expected.jsonl";

    @TestFactory
    Stream<DynamicTest> everyInputGivesItsExpectedRecords() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenTest.class.getResource("/golden").toURI());
        List<Path> expected;
        try (Stream<Path> files = Files.walk(root)) {
            expected = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        assertThat(expected).as("golden cases").hasSizeGreaterThan(10);
        return expected.stream().map(e -> {
            String rel = root.relativize(e).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(rel, () -> check(root, e));
        });
    }

    private static void check(Path root, Path expectedFile) throws IOException {
        Path input = inputFor(expectedFile);
        String path = root.relativize(input).toString().replace('\\', '/');
        List<ObjectNode> actual = new ArrayList<>();
        try (InputStream in = Files.newInputStream(input)) {
            // through text, so that numbers compare as JSON numbers whatever their Java type
            for (ObjectNode o : Dump.of(path, in)) actual.add((ObjectNode) Dump.JSON.readTree(o.toString()));
        }
        List<ObjectNode> expected = new ArrayList<>();
        for (String line : Files.readAllLines(expectedFile)) {
            if (!line.isBlank()) expected.add((ObjectNode) Dump.JSON.readTree(line));
        }
        assertThat(actual).as(path).containsExactlyElementsOf(expected);
    }

    static Path inputFor(Path expected) throws IOException {
        String stem = expected.getFileName().toString();
        stem = stem.substring(0, stem.length() - SUFFIX.length());
        String prefix = stem + ".";
        try (Stream<Path> siblings = Files.list(expected.getParent())) {
            List<Path> inputs = siblings.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && !n.endsWith(SUFFIX);
            }).toList();
            assertThat(inputs).as("the input beside " + expected).hasSize(1);
            return inputs.get(0);
        }
    }
}
