package org.exhunt.cli;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The files {@code exhunt yara} scans under a directory, named as {@code yara} names them: the directory
 * as given, a slash, the relative path. Only regular files; symbolic links are followed unless told not
 * to; files larger than the limit (when set) are skipped. Sorted, so output order is stable.
 */
final class YaraTargets {

    private YaraTargets() {}

    static List<String> list(String dir, boolean recursive, boolean followLinks, long skipLarger) {
        Path root = Path.of(dir);
        List<String> out = new ArrayList<>();
        Set<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        try {
            Files.walkFileTree(root, options, recursive ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && (skipLarger <= 0 || attrs.size() <= skipLarger)) {
                        out.add(dir + "/" + root.relativize(file).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
