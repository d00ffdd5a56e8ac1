package org.exhunt.evidence;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exhunt.evidence.collector.Tree;

/** The first levels of a local directory, for layout detection; links count as files, never followed. */
final class DirectoryTree implements Tree {

    private final Path root;

    DirectoryTree(Path root) {
        this.root = root;
    }

    @Override
    public List<Node> children(List<String> folder) {
        Path dir = root;
        for (String name : folder) dir = dir.resolve(name);
        List<Node> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                out.add(new Node(p.getFileName().toString(), Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)));
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // the walk itself reports what cannot be listed
        }
        out.sort(Comparator.comparing(Node::name));
        return out;
    }
}
