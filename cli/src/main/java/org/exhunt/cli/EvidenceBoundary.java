package org.exhunt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Where exhunt may write: never into the evidence, whichever way a path reaches it. Comparing the text of paths is
 * not enough: a symbolic link to the evidence folder ({@code -o evlink/r.txt}), a PATH given as a link, a bind
 * mount of the evidence elsewhere, or an existing report file that is a link (symbolic or hard) to an evidence file
 * all lead into it under another name. So each place is compared by its real path (links resolved) and, where the
 * file system gives one, by its identity (device and inode: {@link BasicFileAttributes#fileKey}), for the folder
 * written into and each of its parents; and a report file that exists is refused when it is a symbolic link or has
 * more than one hard link. Windows has no file key in Java: there real paths (which resolve links and junctions)
 * are compared, and hard links cannot be counted (docs/evidence-handling.md, "Read-only").
 */
final class EvidenceBoundary {

    /** One PATH: as given, its real path, and its identity (null where the file system has none). */
    private record Place(Path given, Path real, Object key) {}

    private final List<Place> evidence = new ArrayList<>();

    /** @param paths the PATHs of the run; those that do not exist are checked elsewhere */
    EvidenceBoundary(List<Path> paths) {
        for (Path p : paths) {
            try {
                Path real = p.toRealPath();
                evidence.add(new Place(p, real, key(real)));
            } catch (IOException e) {
                evidence.add(new Place(p, p.toAbsolutePath().normalize(), null));
            }
        }
    }

    /**
     * Checks a report file before anything is read: its folder exists, it is not a folder, not a link, and neither
     * it nor any folder above it is (or lies in) the evidence.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    void checkReport(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("the report " + file + " is a folder; give a file name");
        }
        if (Files.isSymbolicLink(absolute)) {
            throw new IllegalArgumentException("the report " + file + " exists as a symbolic link (to "
                    + target(absolute) + "); exhunt does not write through links: remove it or give another name");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            long links = hardLinks(absolute);
            if (links > 1) {
                throw new IllegalArgumentException("the report " + file + " exists with " + links + " hard links: writing"
                        + " it would change every other name of the same file, which may be evidence; remove it or give"
                        + " another name");
            }
        }
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder for the report " + file + ": " + folder);
        }
        refuseInside(absolute, "the report " + file);
    }

    /**
     * Checks a folder exhunt writes into (the collection folder), which may not exist yet.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    void checkFolder(Path dir, String what) {
        Path absolute = dir.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            throw new IllegalArgumentException(what + " " + dir + " is a symbolic link (to " + target(absolute)
                    + "); give the folder itself");
        }
        refuseInside(absolute, what + " " + dir);
    }

    /** Refuses a place that is, or lies in, any PATH: by real path, and by the identity of it and each parent. */
    private void refuseInside(Path absolute, String what) {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        Path real = realOrNull(existing);
        for (Place e : evidence) {
            if (absolute.normalize().startsWith(e.given().toAbsolutePath().normalize())
                    || real != null && real.startsWith(e.real())
                    || sharesIdentity(real, e)) {
                throw new IllegalArgumentException(what + " would be written inside the evidence " + e.given()
                        + (absolute.normalize().startsWith(e.given().toAbsolutePath().normalize()) ? ""
                                : " (reached through a link or a mount)")
                        + "; write it elsewhere (another drive or a share)");
            }
        }
    }

    /** Whether {@code real} or a folder above it is the evidence under another name (a bind mount, a hard link). */
    private static boolean sharesIdentity(Path real, Place e) {
        if (real == null || e.key() == null) return false;
        for (Path p = real; p != null; p = p.getParent()) {
            if (e.key().equals(key(p))) return true;
        }
        return false;
    }

    private static Path realOrNull(Path p) {
        if (p == null) return null;
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /** Device and inode on Linux and macOS; null on Windows, or when the attributes cannot be read. */
    private static Object key(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** The number of hard links to a file, or 1 where the file system does not say (Windows). */
    private static long hardLinks(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }
}
