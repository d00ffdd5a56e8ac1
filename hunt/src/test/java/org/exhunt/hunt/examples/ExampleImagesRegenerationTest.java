package org.exhunt.hunt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.exhunt.testkit.image.BuildTable;
import org.exhunt.testkit.image.ExampleScenarios;
import org.exhunt.testkit.image.ExampleTimes;
import org.exhunt.testkit.image.ImageBuilder;
import org.exhunt.testkit.image.Oracle;
import org.exhunt.testkit.image.Scenario;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed builder-made example images are exactly what their scenarios give: every file byte for byte, no
 * file more or less, the files' times ({@code <name>.times}) and the expected-verdict file. When a scenario or the builder changes on purpose,
 * examples/regenerate.sh rewrites them.
 */
class ExampleImagesRegenerationTest {

    @TempDir
    Path tmp;

    static Stream<Scenario> scenarios() {
        return ExampleScenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theCommittedImageIsWhatItsScenarioGives(Scenario s) throws IOException {
        Path built = tmp.resolve(s.name());
        ImageBuilder.write(s, built);
        Map<String, byte[]> expected = tree(built);
        Map<String, byte[]> committed = tree(ExampleImages.image(s.name()));

        assertThat(committed.keySet()).as("files of examples/%s (run examples/regenerate.sh)", s.name())
                .containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(Arrays.mismatch(committed.get(path), bytes))
                .as("first differing byte of examples/%s/%s against what its scenario gives (run examples/regenerate.sh)",
                        s.name(), path)
                .isEqualTo(-1));
        assertThat(Files.readString(ExampleImages.examplesDir().resolve(s.name() + ".times")))
                .as("examples/%s.times, the image's file times (run examples/regenerate.sh)", s.name())
                .isEqualTo(ExampleTimes.of(built));
        String oracle = Oracle.expect(s, BuildTable.read(ExampleImages.buildTable())).toJson();
        assertThat(Files.readString(ExampleImages.examplesDir().resolve(s.name() + ".expected.json")))
                .as("examples/%s.expected.json (run examples/regenerate.sh)", s.name()).isEqualTo(oracle);
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
