package org.exhunt.bench.hunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.testkit.image.BuildTable;
import org.exhunt.testkit.image.ImageBuilder;
import org.exhunt.testkit.image.RandomScenarios;
import org.exhunt.testkit.image.Scenario;

/**
 * Writes the servers of the Spark benchmark ({@code bench/spark.sh}): {@code EstateImages DIR COUNT SEED} writes
 * {@code DIR/images/srvNNN}, COUNT images of the test kit's {@link RandomScenarios} (each its own build, intrusions,
 * traffic and log mix) drawn from seeds SEED, SEED+1, ..., and {@code DIR/manifest.csv} naming them for
 * {@code exhunt-spark}. Images already written with the same settings are kept.
 */
public final class EstateImages {

    private EstateImages() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: EstateImages DIR COUNT SEED");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path settings = dir.resolve("images.settings");
        String wanted = count + " images from seed " + seed;
        if (Files.exists(settings) && Files.readString(settings).equals(wanted)) {
            System.out.println("images kept: " + wanted);
            return;
        }
        BuildTable table = BuildTable.read(Path.of("rules", "kb", "exchange-builds.csv"));
        List<String> manifest = new ArrayList<>(List.of("server,path,org"));
        for (int i = 0; i < count; i++) {
            Scenario s = RandomScenarios.draw(seed + i, table);
            String name = String.format("srv%03d", i);
            Path image = dir.resolve("images").resolve(name);
            ImageBuilder.write(s, image);
            manifest.add(name + "," + image.toAbsolutePath() + ",org" + (i % 4));
        }
        Files.write(dir.resolve("manifest.csv"), manifest);
        Files.writeString(settings, wanted);
        System.out.println("written: " + wanted);
    }
}
