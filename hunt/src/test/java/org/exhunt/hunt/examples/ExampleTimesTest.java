package org.exhunt.hunt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exhunt.testkit.image.ExampleTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26: git keeps no file times, so every example image carries its own ({@code <name>.times}), hand-made
 * images too: each lists every file of its image, no more, and copying an example with them gives its files the
 * listed times. (ExampleImagesRegenerationTest checks that a builder-made image's list is what its scenario gives.)
 */
class ExampleTimesTest {

    @TempDir
    Path tmp;

    @Test
    void everyExampleListsTheTimeOfEachOfItsFilesAndNoOther() throws IOException {
        for (String name : ExampleImages.names()) {
            Map<String, Instant> listed = ExampleTimes.read(ExampleImages.times(name));
            assertThat(listed.keySet()).as("files listed in examples/%s.times", name).containsExactlyInAnyOrderElementsOf(files(ExampleImages.image(name)));
        }
    }

    @Test
    void aCopyWithItsTimesHasTheListedTimes() throws IOException {
        Path copy = ExampleImages.copyWithTheirTimes("proxylogon-victim", tmp.resolve("victim"));
        Map<String, Instant> listed = ExampleTimes.read(ExampleImages.times("proxylogon-victim"));
        assertThat(listed).containsEntry("ProgramData/it.zip", Instant.parse("2021-03-03T06:24:52Z"));
        for (Map.Entry<String, Instant> e : listed.entrySet()) {
            assertThat(Files.getLastModifiedTime(copy.resolve(e.getKey())).toInstant()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void aListNamingAPathOutsideItsImageIsRefused() throws IOException {
        Path image = Files.createDirectories(tmp.resolve("image"));
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "x");
        Instant before = Files.getLastModifiedTime(outside).toInstant();
        Path list = Files.writeString(tmp.resolve("image.times"), "2021-03-03T00:00:00Z\t../outside.txt\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExampleTimes.apply(list, image))
                .hasMessageContaining("outside the image");
        assertThat(Files.getLastModifiedTime(outside).toInstant()).isEqualTo(before);
    }

    private static List<String> files(Path image) throws IOException {
        try (Stream<Path> walk = Files.walk(image)) {
            return walk.filter(Files::isRegularFile).map(p -> image.relativize(p).toString().replace('\\', '/')).toList();
        }
    }
}
