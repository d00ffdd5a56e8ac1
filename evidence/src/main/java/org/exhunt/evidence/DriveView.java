package org.exhunt.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * One server's drives, from all the sources the user gave for it ({@code --server ex01 C-copy logs.zip}).
 * Paths are compared as Windows compares them ({@link DrivePath#key}): when two files claim the same path
 * (the same file in two inputs, or names a case-sensitive copy kept apart that NTFS could not), both are
 * handed on, since they may differ, and the second is reported.
 */
public final class DriveView {

    private DriveView() {}

    /** Walks every source in order, handing on each file and reporting paths seen twice. */
    public static void walk(List<? extends EvidenceSource> sources, Consumer<EvidenceFile> files,
                            Consumer<Diagnostic> problems) {
        Map<String, SourceRef> seen = new HashMap<>();
        for (EvidenceSource source : sources) {
            source.walk(file -> {
                SourceRef first = seen.putIfAbsent(DrivePath.key(file.drive(), file.drivePath()), file.ref());
                if (first != null) {
                    problems.accept(Diagnostic.warning("source.duplicate-path", file.ref(), file.windowsPath()
                            + " is also at " + first + " (Windows compares paths ignoring case); both are read"));
                }
                files.accept(file);
            }, problems);
        }
    }
}
