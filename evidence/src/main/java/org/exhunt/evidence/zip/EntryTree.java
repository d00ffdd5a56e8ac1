package org.exhunt.evidence.zip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.evidence.DrivePath;
import org.exhunt.evidence.collector.Tree;

/** The first levels of an archive's folders, built from its entry names, for layout detection. */
public final class EntryTree implements Tree {

    /** Levels kept: enough for a prefix, {@code uploads/<accessor>/<volume>} and a drive's top. */
    private static final int DEPTH = 8;

    private final Map<String, Map<String, Boolean>> folders = new HashMap<>();

    public EntryTree(List<ZipItem> items) {
        for (ZipItem item : items) {
            if (DrivePath.unsafe(item.name()).isPresent()) continue;
            List<String> segments = DrivePath.segments(item.name());
            StringBuilder folder = new StringBuilder();
            for (int i = 0; i < segments.size() && i < DEPTH; i++) {
                boolean directory = i < segments.size() - 1 || item.directory();
                Map<String, Boolean> children = folders.computeIfAbsent(folder.toString(), k -> new LinkedHashMap<>());
                children.merge(segments.get(i), directory, Boolean::logicalOr);
                if (i > 0) folder.append('/');
                folder.append(segments.get(i));
            }
        }
    }

    @Override
    public List<Node> children(List<String> folder) {
        Map<String, Boolean> children = folders.getOrDefault(String.join("/", folder), Map.of());
        List<Node> out = new ArrayList<>(children.size());
        children.forEach((name, directory) -> out.add(new Node(name, directory)));
        return out;
    }
}
