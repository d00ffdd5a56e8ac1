package org.exhunt.evidence.collector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a collection's layout from its first levels. It looks at the top, then one level down, and so on up to
 * {@link #MAX_PREFIX} levels (KAPE's {@code tout/HOST/C}, a Velociraptor zip extracted into a folder of its
 * own name), and stops at the first level where something is recognised. At one folder, a drive's top-level
 * names win over drive-letter folders, so a drive copy holding a folder named {@code D} stays a drive copy.
 */
public final class LayoutDetector {

    /** Folders between a collection's top and its drive roots. */
    static final int MAX_PREFIX = 3;
    /** Folders looked into at most, so that a huge tree without a layout costs little. */
    static final int MAX_FOLDERS = 256;

    /** Names at the root of a Windows drive (compared ignoring case). */
    private static final Set<String> DRIVE_TOP = Set.of("windows", "program files", "program files (x86)",
            "programdata", "users", "inetpub", "documents and settings", "$mft", "$extend", "$recycle.bin",
            "system volume information", "pagefile.sys", "exchangesetuplogs", "winnt");

    private LayoutDetector() {}

    public static CollectionLayout detect(Tree tree) {
        Deque<List<String>> level = new ArrayDeque<>();
        level.add(List.of());
        int looked = 0;
        for (int depth = 0; depth <= MAX_PREFIX && !level.isEmpty(); depth++) {
            List<DriveRoot> roots = new ArrayList<>();
            List<UnmappedRoot> unmapped = new ArrayList<>();
            CollectionLayout.Kind kind = null;
            Deque<List<String>> next = new ArrayDeque<>();
            for (List<String> folder : level) {
                if (looked++ >= MAX_FOLDERS) break;
                List<Tree.Node> children = tree.children(folder);
                CollectionLayout.Kind found = recognise(tree, folder, children, roots, unmapped);
                if (found != null) {
                    kind = kind == null ? found : kind;
                } else {
                    for (Tree.Node child : children) if (child.directory()) next.add(append(folder, child.name()));
                }
            }
            if (kind != null) return new CollectionLayout(kind, roots, unmapped);
            level = next;
        }
        return new CollectionLayout(CollectionLayout.Kind.UNRECOGNISED,
                List.of(new DriveRoot(List.of(), 'C', false)), List.of());
    }

    /** The layout at one folder, adding its roots; null when the folder is none of them. */
    private static CollectionLayout.Kind recognise(Tree tree, List<String> folder, List<Tree.Node> children,
                                                   List<DriveRoot> roots, List<UnmappedRoot> unmapped) {
        if (children.stream().anyMatch(c -> DRIVE_TOP.contains(c.name().toLowerCase(Locale.ROOT)))) {
            roots.add(new DriveRoot(folder, 'C', false));
            return CollectionLayout.Kind.DRIVE_COPY;
        }
        Optional<Tree.Node> uploads = children.stream()
                .filter(c -> c.directory() && c.name().equalsIgnoreCase("uploads")).findFirst();
        if (uploads.isPresent() && velociraptor(tree, append(folder, uploads.get().name()), roots, unmapped)) {
            return CollectionLayout.Kind.VELOCIRAPTOR;
        }
        boolean letters = false;
        for (Tree.Node child : children) {
            Optional<Character> drive = driveFolder(child);
            if (drive.isPresent()) {
                roots.add(new DriveRoot(append(folder, child.name()), drive.get(), false));
                letters = true;
            }
        }
        return letters ? CollectionLayout.Kind.DRIVE_FOLDERS : null;
    }

    /** {@code uploads/<accessor>/<volume>}: every accessor folder whose folders are volumes. */
    private static boolean velociraptor(Tree tree, List<String> uploads, List<DriveRoot> roots,
                                        List<UnmappedRoot> unmapped) {
        boolean any = false;
        for (Tree.Node accessor : tree.children(uploads)) {
            if (!accessor.directory()) continue;
            List<String> accessorPath = append(uploads, accessor.name());
            for (Tree.Node volume : tree.children(accessorPath)) {
                if (!volume.directory() || !VelociraptorNames.isVolume(volume.name())) continue;
                any = true;
                List<String> volumePath = append(accessorPath, volume.name());
                Optional<Character> drive = VelociraptorNames.driveOf(volume.name());
                if (drive.isPresent()) {
                    roots.add(new DriveRoot(volumePath, drive.get(), true));
                } else {
                    unmapped.add(new UnmappedRoot(volumePath, VelociraptorNames.isShadowCopy(volume.name())
                            ? "a volume shadow copy" : "a volume without a drive letter"));
                }
            }
        }
        return any;
    }

    private static Optional<Character> driveFolder(Tree.Node node) {
        String n = node.name();
        boolean letter = n.length() == 1 || (n.length() == 2 && n.charAt(1) == ':');
        char c = n.isEmpty() ? 0 : n.charAt(0);
        if (!node.directory() || !letter || !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return Optional.empty();
        return Optional.of(Character.toUpperCase(c));
    }

    private static List<String> append(List<String> folder, String name) {
        List<String> out = new ArrayList<>(folder.size() + 1);
        out.addAll(folder);
        out.add(name);
        return out;
    }
}
