package org.exhunt.hunt.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.kb.Row;

/**
 * Says which verdict row a Sigma finding is evidence for, and at which stage: exhunt's rules name both in tags
 * ({@code exhunt.chain.proxyshell}, {@code exhunt.stage.success}); third-party rules (SigmaHQ) are named in
 * {@code rules/sigma/attribution.csv}; else a rule's CVE tags ({@code cve.2021-26855}) give the row that CVE
 * belongs to, and a stage no one states is given by {@link Stage#unstated} (an event of a row: an attempt).
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

    /**
     * The finding with its row and stage, and so the events it links (a correlation's steps). The row: the one it has,
     * else its rule's {@code exhunt.chain.*} tag, else the attribution table's, else the row of a CVE it is tagged with
     * (unless the table lists the rule). The stage: the one its rule's tags state, else the table's, else
     * {@link Stage#unstated} for that row: this is where a Sigma finding's stage is decided.
     *
     * @param event true for a log record, false for a file record (a file on disk)
     */
    public Finding apply(Finding f, boolean event) {
        String chain = f.chain();
        for (String tag : f.tags()) {
            if (chain == null && tag.startsWith(CHAIN_TAG)) chain = rowByKey.get(fold(tag.substring(CHAIN_TAG.length())));
        }
        Entry e = byRule.get(f.ruleId().toLowerCase(Locale.ROOT));
        if (chain == null && e != null) chain = e.chain();
        if (chain == null && e == null) {
            for (String tag : f.tags()) {
                if (tag.startsWith("cve.")) chain = rowByCve.get("cve-" + tag.substring(4).toLowerCase(Locale.ROOT));
                if (chain != null) break;
            }
        }
        String row = chain;
        Stage stage = Stage.stated(f.tags())
                .orElseGet(() -> e != null ? e.stage() : Stage.unstated(event, row, f.severity()));
        List<Finding> linked = f.linked().stream().map(l -> apply(l, event)).toList();
        if (Objects.equals(row, f.chain()) && stage == f.stage() && linked.equals(f.linked())) return f;
        return new Finding(f.detector(), f.ruleId(), f.title(), f.severity(), row, stage, f.tags(), f.meta(), f.evidence(),
                f.time(), f.source(), linked);
    }

    private static Stage stage(String name) {
        return Stage.ofLabel(name).orElse(null);
    }

    /** Row names and tag suffixes compare without case and punctuation: {@code cve-2021-42321} is CVE-2021-42321. */
    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
