package org.exhunt.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread-safe collector of {@link Diagnostic}s that keeps at most {@link Limits#DIAGNOSTICS_PER_FILE}
 * per file, so that one file full of junk cannot flood a report; what was dropped is counted and
 * summarised in one extra diagnostic per file.
 */
public final class Diagnostics {

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
