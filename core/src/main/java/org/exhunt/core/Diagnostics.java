package org.exhunt.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread-safe collector of {@link Diagnostic}s that keeps at most {@link Limits#DIAGNOSTICS_PER_FILE}
 * per file, so that one file full of junk cannot flood a report; what was dropped is counted and
 * summarised in one extra diagnostic per file. Serializable, so that the problems met reading part of a server's
 * evidence on one machine can join the rest on another ({@link #addAll}).
 */
public final class Diagnostics implements Serializable {

    private final int perFileCap;
    private final List<Diagnostic> kept = new ArrayList<>();
    private final Map<String, Integer> perFile = new HashMap<>();

    public Diagnostics() {
        this(Limits.DIAGNOSTICS_PER_FILE);
    }

    public Diagnostics(int perFileCap) {
        this.perFileCap = perFileCap;
    }

    public synchronized void add(Diagnostic d) {
        int n = perFile.merge(d.where().file(), 1, Integer::sum);
        if (n <= perFileCap) kept.add(d);
    }

    /**
     * Adds what another collector kept, under this one's cap per file, and counts everything it counted: the same as
     * adding its diagnostics here one by one when the two saw different files (what a file's problems are kept of is
     * decided where the file was read).
     */
    public void addAll(Diagnostics other) {
        List<Diagnostic> theirs;
        Map<String, Integer> counted;
        synchronized (other) {
            theirs = new ArrayList<>(other.kept);
            counted = new HashMap<>(other.perFile);
        }
        synchronized (this) {
            for (Diagnostic d : theirs) {
                String file = d.where().file();
                int n = perFile.merge(file, 1, Integer::sum);
                if (n <= perFileCap) kept.add(d);
                counted.merge(file, -1, Integer::sum);
            }
            counted.forEach((file, notKept) -> {
                if (notKept > 0) perFile.merge(file, notKept, Integer::sum);
            });
        }
    }

    /** All kept diagnostics in the order they were added, then one summary per file that hit the cap. */
    public synchronized List<Diagnostic> all() {
        List<Diagnostic> out = new ArrayList<>(kept);
        perFile.forEach((file, n) -> {
            if (n > perFileCap) {
                out.add(Diagnostic.warning("diagnostics.capped", SourceRef.file(file),
                        (n - perFileCap) + " more problems in this file not shown (cap " + perFileCap + ")"));
            }
        });
        return out;
    }

    public synchronized boolean hasErrors() {
        return kept.stream().anyMatch(Diagnostic::isError);
    }
}
