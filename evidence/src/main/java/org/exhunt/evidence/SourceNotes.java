package org.exhunt.evidence;

import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.evidence.collector.CollectionLayout;

/** The notes every source gives about how it read a collection, worded the same way for folders and archives. */
public final class SourceNotes {

    private SourceNotes() {}

    /**
     * Says which layout was recognised, unless it is the plain copy of one drive at the top (the common case,
     * which needs no note).
     */
    public static void layout(String collection, CollectionLayout layout, Consumer<Diagnostic> problems) {
        SourceRef where = SourceRef.file(collection);
        switch (layout.kind()) {
            case UNRECOGNISED -> problems.accept(Diagnostic.info("source.layout", where,
                    "no drive layout recognised (no Windows, Program Files, inetpub or Users folder, no drive-letter"
                            + " folder, no Velociraptor uploads): read as a copy of C:\\; if this is a folder inside a"
                            + " drive, give the drive's top folder instead"));
            case DRIVE_COPY -> {
                if (!layout.roots().get(0).prefix().isEmpty() || layout.roots().size() > 1) {
                    problems.accept(Diagnostic.info("source.layout", where, "read as " + layout.describe()));
                }
            }
            default -> problems.accept(Diagnostic.info("source.layout", where, "read as " + layout.describe()));
        }
    }
}
