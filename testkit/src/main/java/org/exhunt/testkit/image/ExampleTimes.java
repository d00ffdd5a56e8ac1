package org.exhunt.testkit.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.exhunt.core.IsoTime;

/**
 * The file times of an example image, kept beside it as {@code examples/<name>.times}: git keeps no file times, so
 * on a checkout every file of an image looks written the day of the checkout, and a scan's timeline would end that
 * day. The test kit writes the list with the image (the times its story gives, {@link ImageBuilder}); the exhunt
 * launcher sets them again on the checkout's files before a run ({@code examples/restore-times.sh}), and tests that
 * copy an example apply them to the copy. A scan never reads the list: it is beside the image, not in it.
 *
 * <p>Format: UTF-8 lines {@code <ISO 8601 UTC time> TAB <path inside the image, '/'-separated>}, sorted by path;
 * lines starting with {@code #} are comments.
 */
public final class ExampleTimes {

    private static final String HEADER = """
            # The modification time of each file of the example image beside this file, as its story has it (UTC).
            # Git keeps no file times: the exhunt launcher sets these on the checkout (examples/restore-times.sh).
            # Written by the test kit with the image (examples/regenerate.sh); never read by a scan.
            """;

    private ExampleTimes() {}

    /** The list for {@code image}: every file's present modification time. */
    public static String of(Path image) throws IOException {
        Map<String, Instant> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(image)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                times.put(image.relativize(p).toString().replace('\\', '/'), Files.getLastModifiedTime(p).toInstant());
            }
        }
        StringBuilder s = new StringBuilder(HEADER);
        times.forEach((path, time) -> s.append(IsoTime.format(time)).append('\t').append(path).append('\n'));
        return s.toString();
    }

    public static void write(Path image, Path list) throws IOException {
        Files.writeString(list, of(image), StandardCharsets.UTF_8);
    }

    /** The list's times by path. */
    public static Map<String, Instant> read(Path list) throws IOException {
        Map<String, Instant> times = new TreeMap<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            if (tab < 0) throw new IOException(list + ": not 'time<TAB>path': " + line);
            times.put(line.substring(tab + 1), Instant.parse(line.substring(0, tab)));
        }
        return times;
    }

    /**
     * Sets the listed times on the files of {@code image} (a copy of the example); a path that would leave the
     * image is refused. Returns the listed paths that are not in the image.
     */
    public static List<String> apply(Path list, Path image) throws IOException {
        List<String> missing = new ArrayList<>();
        Path root = image.toAbsolutePath().normalize();
        for (Map.Entry<String, Instant> e : read(list).entrySet()) {
            Path file = root.resolve(e.getKey()).normalize();
            if (!file.startsWith(root)) throw new IOException(list + ": a path outside the image: " + e.getKey());
            if (Files.isRegularFile(file)) Files.setLastModifiedTime(file, FileTime.from(e.getValue()));
            else missing.add(e.getKey());
        }
        return missing;
    }
}
