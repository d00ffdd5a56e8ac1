package org.exhunt.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a list of targets (one per line, {@code #} comments, blank lines), keeping the first of duplicates. */
public final class Targets {

    /** The targets read, and the lines that could not be read with their numbers. */
    public record Read(List<Target> targets, List<String> problems) {}

    private Targets() {}

    public static Read parse(String origin, List<String> lines) {
        List<Target> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (t.isEmpty()) continue;
            try {
                Target target = Target.parse(t);
                if (seen.add(target.base())) targets.add(target);
            } catch (IllegalArgumentException e) {
                problems.add(origin + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Read(targets, problems);
    }
}
