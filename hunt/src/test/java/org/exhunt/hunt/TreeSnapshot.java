package org.exhunt.hunt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A text listing of a tree (path, size, modification time, SHA-256 per entry) to compare before and after a scan. */
public final class TreeSnapshot {

    private TreeSnapshot() {}

    public static String of(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.sorted().map(p -> line(root, p)).collect(Collectors.joining("\n"));
        }
    }

    private static String line(Path root, Path p) {
        try {
            String attrs = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS) + " "
                    + Files.size(p);
            String hash = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                    : "-";
            return root.relativize(p) + " " + attrs + " " + hash;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
