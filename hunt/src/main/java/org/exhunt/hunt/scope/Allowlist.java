package org.exhunt.hunt.scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.SourceRef;

/**
 * Findings a site has reviewed and accepts, so that re-runs stay quiet about them. One entry per line:
 * {@code path:GLOB} (the file a finding names, see {@link PathGlob}), {@code sha256:HASH} or {@code rule:ID};
 * blank lines and {@code #} comments are ignored. Immutable; each server's scan counts its suppressions in
 * its own {@link Tally}, and the report says how many findings each entry hid: an allowlist never hides
 * evidence silently.
 */
public final class Allowlist {

    private record Entry(String line, String kind, String value, PathGlob glob) {}

    private final List<Entry> entries;

    private Allowlist(List<Entry> entries) {
        this.entries = entries;
    }

    public static final Allowlist NONE = new Allowlist(List.of());

    /** Parses an allowlist file's text; malformed lines are reported and ignored. */
    public static Allowlist parse(String file, String text, Consumer<Diagnostic> problems) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            String kind = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (value.isEmpty() || !(kind.equals("path") || kind.equals("sha256") || kind.equals("rule"))) {
                problems.accept(Diagnostic.error("allowlist.syntax", SourceRef.line(file, i + 1),
                        "expected 'path:GLOB', 'sha256:HASH' or 'rule:ID', found: " + line));
                continue;
            }
            entries.add(new Entry(line, kind, kind.equals("sha256") ? value.toLowerCase(Locale.ROOT) : value,
                    kind.equals("path") ? PathGlob.of(value) : null));
        }
        return new Allowlist(entries);
    }

    /** A fresh counter of suppressions, for one server's scan. */
    public Tally tally() {
        return new Tally();
    }

    /** Applies the allowlist during one scan and counts what each entry suppressed. Thread-safe. */
    public final class Tally {
        private final AtomicLong[] hits = new AtomicLong[entries.size()];

        private Tally() {
            for (int i = 0; i < hits.length; i++) hits[i] = new AtomicLong();
        }

        /** Whether a finding is suppressed; counts it against the first entry that matches. */
        public boolean suppresses(Finding f) {
            for (int i = 0; i < hits.length; i++) {
                if (matches(entries.get(i), f)) {
                    hits[i].incrementAndGet();
                    return true;
                }
            }
            return false;
        }

        /** How many findings each entry hid so far, by entry: to be added to another part's tally ({@link #add}). */
        public long[] counts() {
            long[] out = new long[hits.length];
            for (int i = 0; i < hits.length; i++) out[i] = hits[i].get();
            return out;
        }

        /** Adds what the same allowlist hid in another part of the same server's scan ({@link #counts}). */
        public void add(long[] counts) {
            if (counts.length != hits.length) throw new IllegalArgumentException("counts of another allowlist");
            for (int i = 0; i < hits.length; i++) hits[i].addAndGet(counts[i]);
        }

        /** Per entry that suppressed something, how many findings it hid, in file order. */
        public Map<String, Long> suppressed() {
            Map<String, Long> out = new LinkedHashMap<>();
            for (int i = 0; i < hits.length; i++) {
                if (hits[i].get() > 0) out.put(entries.get(i).line(), hits[i].get());
            }
            return out;
        }
    }

    private static boolean matches(Entry e, Finding f) {
        return switch (e.kind()) {
            case "rule" -> e.value().equalsIgnoreCase(f.ruleId());
            case "sha256" -> e.value().equals(f.evidence("sha256"));
            default -> f.evidence("path") != null && e.glob().matches(f.evidence("path"));
        };
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
