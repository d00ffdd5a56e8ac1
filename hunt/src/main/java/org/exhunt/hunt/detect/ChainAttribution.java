package org.exhunt.hunt.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.SourceRef;
import org.exhunt.hunt.verdict.Stage;
import org.exhunt.kb.Row;

/**
 * Says which verdict row a log finding is evidence for, and at which stage, when its rule does not say it
 * itself: exhunt's rules name both in tags ({@code exhunt.chain.proxyshell}, {@code exhunt.stage.success});
 * third-party rules (SigmaHQ) are named in {@code rules/sigma/attribution.csv}; else a rule's CVE tags
 * ({@code cve.2021-26855}) give the row that CVE belongs to, at the attempt stage.
 */
public final class ChainAttribution {

    public static final String FILE = "sigma/attribution.csv";
    private static final String CHAIN_TAG = "exhunt.chain.";

    private record Entry(String chain, Stage stage) {}

    private final Map<String, String> rowByKey = new HashMap<>();   // folded row name -> row name
    private final Map<String, String> rowByCve = new HashMap<>();   // cve-2021-26855 -> row name
    private final Map<String, Entry> byRule = new HashMap<>();

    /**
     * @param rows  the knowledge base's rows
     * @param table the attribution table's text ({@code rule_id,chain,stage,title}), or null
     */
    public ChainAttribution(List<Row> rows, String table, Consumer<Diagnostic> problems) {
        for (Row r : rows) {
            rowByKey.put(fold(r.name()), r.name());
            for (String cve : r.cves()) rowByCve.put(cve.toLowerCase(Locale.ROOT), r.name());
        }
        if (table != null) parse(table, problems);
    }

    private void parse(String table, Consumer<Diagnostic> problems) {
        List<String> lines = table.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("rule_id,")) continue;
            String[] f = line.split(",", 4);
            SourceRef where = SourceRef.line("rules/" + FILE, i + 1);
            String chain = f.length >= 3 ? rowByKey.get(fold(f[1])) : null;
            Stage stage = f.length >= 3 ? stage(f[2]) : null;
            if (f.length < 3 || (chain == null && !f[1].isBlank()) || stage == null) {
                problems.accept(Diagnostic.error("attribution.syntax", where,
                        "expected 'rule_id,chain,stage,title' with a known row and stage: " + line));
                continue;
            }
            byRule.put(f[0].strip().toLowerCase(Locale.ROOT), new Entry(chain, stage));
        }
    }

    /** The finding attributed to its row and stage, or unchanged when nothing attributes it. */
    public Finding apply(Finding f) {
        if (f.chain() != null) return f;
        String chain = null;
        Stage stage = null;
        boolean stageTagged = false;
        for (String tag : f.tags()) {
            if (tag.startsWith(CHAIN_TAG)) chain = rowByKey.get(fold(tag.substring(CHAIN_TAG.length())));
            stageTagged |= tag.startsWith(Stage.TAG_PREFIX);
        }
        Entry e = byRule.get(f.ruleId().toLowerCase(Locale.ROOT));
        if (e != null) {
            if (chain == null) chain = e.chain();
            stage = e.stage();
        }
        if (chain == null && e == null) {
            for (String tag : f.tags()) {
                if (tag.startsWith("cve.")) chain = rowByCve.get("cve-" + tag.substring(4).toLowerCase(Locale.ROOT));
                if (chain != null) break;
            }
        }
        if (chain == null && (stage == null || stageTagged)) return f;
        Finding.Builder b = Finding.builder(f).chain(chain);
        if (!stageTagged && stage != null) b.tag(stage.tag());
        return b.build();
    }

    private static Stage stage(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Stage s : Stage.values()) {
            if (s.name().equals(n)) return s;
        }
        return null;
    }

    /** Row names and tag suffixes compare without case and punctuation: {@code cve-2021-42321} is CVE-2021-42321. */
    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
