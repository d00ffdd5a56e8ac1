package org.exhunt.evidence.collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.exhunt.evidence.DrivePath;

/**
 * How one folder or archive maps to a server's drives: the folders that hold drive roots, and those that
 * hold evidence exhunt does not place. Immutable; {@link #place} is its one job.
 */
public final class CollectionLayout {

    /** The layouts exhunt recognises. */
    public enum Kind {
        /** A copy of a drive's root: {@code Windows}, {@code Program Files}, {@code inetpub}... at its top. */
        DRIVE_COPY("a copy of a drive"),
        /** Folders named by drive letter: KAPE target output, CyLR. */
        DRIVE_FOLDERS("drive-letter folders (KAPE, CyLR)"),
        /** {@code uploads/<accessor>/<volume>/} with URL-encoded names. */
        VELOCIRAPTOR("a Velociraptor collection"),
        /** Nothing recognised: read as a copy of the system drive. */
        UNRECOGNISED("no known layout");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Kind kind;
    private final List<DriveRoot> roots;       // longest prefix first, so the deepest root wins
    private final List<UnmappedRoot> unmapped;

    CollectionLayout(Kind kind, List<DriveRoot> roots, List<UnmappedRoot> unmapped) {
        this.kind = kind;
        this.roots = roots.stream().sorted(Comparator.comparingInt((DriveRoot r) -> -r.prefix().size())).toList();
        this.unmapped = List.copyOf(unmapped);
    }

    /** The layout of a copy of the system drive: everything at the top is {@code C:\}. */
    public static CollectionLayout driveCopy() {
        return new CollectionLayout(Kind.DRIVE_COPY, List.of(new DriveRoot(List.of(), 'C', false)), List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<DriveRoot> roots() {
        return roots;
    }

    public List<UnmappedRoot> unmapped() {
        return unmapped;
    }

    /** Places a stored path, given by its segments from the top of the collection. */
    public Placement place(List<String> segments) {
        for (UnmappedRoot root : unmapped) {
            if (startsWith(segments, root.prefix())) return new Placement.Outside(root);
        }
        for (DriveRoot root : roots) {
            if (segments.size() > root.prefix().size() && startsWith(segments, root.prefix())) {
                return onDrive(root, segments.subList(root.prefix().size(), segments.size()));
            }
        }
        return new Placement.Outside(null);
    }

    private static Placement onDrive(DriveRoot root, List<String> rest) {
        if (!root.urlEncoded()) return new Placement.OnDrive(root.drive(), String.join("/", rest));
        List<String> decoded = new ArrayList<>(rest.size());
        for (String segment : rest) {
            String name = VelociraptorNames.decode(segment);
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                    || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
                return new Placement.Refused("URL-encoded name '" + DrivePath.printable(segment)
                        + "' decodes to '" + DrivePath.printable(name) + "', which is no file name");
            }
            decoded.add(name);
        }
        return new Placement.OnDrive(root.drive(), String.join("/", decoded));
    }

    private static boolean startsWith(List<String> segments, List<String> prefix) {
        if (segments.size() < prefix.size()) return false;
        for (int i = 0; i < prefix.size(); i++) {
            if (!DrivePath.fold(segments.get(i)).equals(DrivePath.fold(prefix.get(i)))) return false;
        }
        return true;
    }

    /** One line for the report: {@code drive-letter folders (KAPE, CyLR): tout/C -> C:, tout/D -> D:}. */
    public String describe() {
        String mapping = roots.stream()
                .sorted(Comparator.comparing(DriveRoot::display))
                .map(r -> r.display() + " -> " + r.drive() + ":")
                .collect(Collectors.joining(", "));
        return kind.description() + ": " + mapping;
    }
}
