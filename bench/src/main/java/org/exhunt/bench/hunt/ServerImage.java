package org.exhunt.bench.hunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.exhunt.testkit.image.ImageBuilder;
import org.exhunt.testkit.image.LargeScenarios;

/**
 * Writes the scan benchmark's server image ({@code bench/hunt.sh}): {@code ServerImage DIR FILES LOG_MB} writes
 * {@code DIR/drive}, the test kit's {@link LargeScenarios#twoIntrusions} scenario (the server's C:\ drive, about FILES
 * files of which about LOG_MB megabytes of logs) built by its {@link ImageBuilder}, and {@code DIR/image.properties}
 * (what it holds). An image already written with the same settings is kept: writing one takes a minute or two,
 * scanning it seconds.
 */
public final class ServerImage {

    private ServerImage() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ServerImage DIR FILES LOG_MB");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        int logMb = Integer.parseInt(args[2]);
        Path manifest = dir.resolve("image.properties");
        String settings = files + " files, " + logMb + " MB of logs";
        if (Files.exists(manifest) && settings.equals(settingsOf(manifest))) {
            System.out.print("image kept (" + settings + "): " + ImageTally.load(manifest).describe());
            return;
        }
        long start = System.nanoTime();
        Path drive = dir.resolve("drive");
        if (Files.exists(drive)) deleteTree(drive);
        ImageBuilder.write(LargeScenarios.twoIntrusions(files, (long) logMb << 20), drive);
        double seconds = (System.nanoTime() - start) / 1e9;
        ImageTally tally = ImageTally.of(drive, files, logMb);
        tally.save(manifest);
        Files.writeString(dir.resolve("image.settings"), settings);
        System.out.printf("image written in %.0f s: %s", seconds, tally.describe());
    }

    private static String settingsOf(Path manifest) throws IOException {
        Path settings = manifest.resolveSibling("image.settings");
        return Files.exists(settings) ? Files.readString(settings) : null;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
