package org.exhunt.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.exhunt.hunt.examples.ExampleImages;

/**
 * The example images laid out as collections a run is given: each as a folder and as a zip. The copies keep their
 * modification times to the millisecond, which is what Hadoop's file systems keep, so that a scan through Hadoop and
 * {@code exhunt scan} see the same times.
 */
final class ExampleCollections {

    /** A collection: the server's name and its path. */
    record Collection(String server, Path path) {}

    private ExampleCollections() {}

    static List<Collection> write(Path into) throws IOException {
        List<Collection> out = new ArrayList<>();
        for (String name : ExampleImages.names()) {
            Path folder = into.resolve(name);
            copy(ExampleImages.image(name), folder);
            out.add(new Collection(name, folder));
            Path zip = into.resolve(name + ".zip");
            zip(folder, zip);
            out.add(new Collection(name + "-zip", zip));
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    Files.setLastModifiedTime(target, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis()));
                }
            }
        }
    }

    private static void zip(Path folder, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                ZipEntry e = new ZipEntry(folder.relativize(p).toString().replace('\\', '/'));
                e.setLastModifiedTime(Files.getLastModifiedTime(p));
                out.putNextEntry(e);
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
