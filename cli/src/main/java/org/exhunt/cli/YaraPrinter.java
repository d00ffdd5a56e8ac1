package org.exhunt.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhunt.yara.RuleMatch;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.StringMatch;
import org.exhunt.yara.YaraText;

/** Formats each file's scan result as {@code yara} 4.2.3 prints it, honouring its display options. Thread-safe. */
final class YaraPrinter {

    private final boolean strings;
    private final boolean lengths;
    private final boolean tags;
    private final boolean metas;
    private final boolean namespaces;
    private final boolean negate;
    private final boolean count;
    private final List<String> onlyTags;
    private final List<String> onlyIdentifiers;
    private final int maxRules;
    /** Rules matched so far over all files, for {@code -l}. */
    private final AtomicInteger matchedSoFar = new AtomicInteger();

    YaraPrinter(boolean strings, boolean lengths, boolean tags, boolean metas, boolean namespaces, boolean negate,
            boolean count, List<String> onlyTags, List<String> onlyIdentifiers, int maxRules) {
        this.strings = strings;
        this.lengths = lengths;
        this.tags = tags;
        this.metas = metas;
        this.namespaces = namespaces;
        this.negate = negate;
        this.count = count;
        this.onlyTags = onlyTags;
        this.onlyIdentifiers = onlyIdentifiers;
        this.maxRules = maxRules;
    }

    /**
     * Prints the lines for {@code file}; with {@code -c}, its count ({@code file: n} when scanning a directory).
     * Rules are visited in order as yara's callback sees them: once the matches over all files reach {@code -l}'s
     * number, the file's report stops after the rule being visited. Each rule's lines are written at once (other
     * threads print between rules, as yara's do) and as they are made, never held whole: a rule can have millions
     * of matches.
     */
    void print(ScanResult r, String file, boolean inDirectory, PrintWriter out) {
        int matched = 0;
        // Without -n or -l, the rules that did not match change nothing: skip them.
        for (RuleMatch m : negate || maxRules != 0 ? r.rules() : r.matching()) {
            if (!count && m.matched() != negate && selected(m)) {
                synchronized (out) {
                    print(m, file, out);
                }
            }
            if (m.matched()) {
                matched++;
                matchedSoFar.incrementAndGet();
            }
            if (maxRules != 0 && matchedSoFar.get() >= maxRules) break;
        }
        if (count) {
            synchronized (out) {
                out.append(inDirectory ? file + ": " + matched : Integer.toString(matched)).append('\n');
            }
        }
    }

    private void print(RuleMatch m, String file, PrintWriter out) {
        StringBuilder s = new StringBuilder();
        if (namespaces) s.append(m.namespace()).append(':');
        s.append(m.name()).append(' ');
        if (tags) s.append('[').append(String.join(",", m.tags())).append("] ");
        if (metas) s.append(YaraText.metas(m)).append(' ');
        out.append(s).append(file).append('\n');
        if (strings || lengths) {
            for (StringMatch sm : m.strings()) out.append(YaraText.stringLine(sm, strings, lengths)).append('\n');
        }
    }

    /** yara's filters: with {@code -i}, only the named rules (whatever their tags); else with {@code -t}, tags. */
    private boolean selected(RuleMatch m) {
        if (!onlyIdentifiers.isEmpty()) return onlyIdentifiers.contains(m.name());
        return onlyTags.isEmpty() || m.tags().stream().anyMatch(onlyTags::contains);
    }
}
