package org.exhunt.sigma.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.value.Fold;
import org.exhunt.sigma.yaml.YNode;
import org.exhunt.sigma.yaml.YNode.YList;
import org.exhunt.sigma.yaml.YNode.YMap;
import org.exhunt.sigma.yaml.YNode.YScalar;
import org.exhunt.sigma.yaml.YamlProblem;
import org.exhunt.sigma.yaml.YamlTree;

/**
 * The log-source routing of a run, read from mapping files. Immutable once built. A mapping file:
 *
 * <pre>
 * defaults: {types: [evtx, json]}          # optional, for every entry below
 * sources:
 *   - logsource: {product: windows, category: process_creation}
 *     records:
 *       - where: {Channel: Microsoft-Windows-Sysmon/Operational, EventID: 1}
 *       - where: {Channel: Security, Provider_Name: Microsoft-Windows-Security-Auditing, EventID: 4688}
 *         fields: {Image: NewProcessName}
 *   - logsource: {category: webserver}
 *     records:
 *       - types: [iis]
 *         fields:
 *           cs-uri-query: {join: [cs-uri-stem, cs-uri-query], separator: '?'}
 *           cs-user-agent: {field: cs(User-Agent), plus-as-space: true}
 * </pre>
 *
 * A rule is routed by the entry whose {@code logsource} equals its own (category, product and service, absent
 * ones included); a rule whose log source no entry names runs on nothing and is counted as unrouted.
 */
public final class Mappings {

    public static final String CODE = "sigma.mapping";

    private final Map<LogSource, List<RecordSpec>> bySource;

    private Mappings(Map<LogSource, List<RecordSpec>> bySource) {
        this.bySource = bySource;
    }

    public static Mappings none() {
        return new Mappings(Map.of());
    }

    /** The kinds of record a log source selects; empty when it is not mapped. */
    public List<RecordSpec> specsFor(LogSource source) {
        return bySource.getOrDefault(source, List.of());
    }

    public Set<LogSource> sources() {
        return bySource.keySet();
    }

    /** Reads mapping files given as (name, text); problems go to {@code problems} and skip the entry. */
    public static Mappings parse(Map<String, String> files, Consumer<Diagnostic> problems) {
        Map<LogSource, List<RecordSpec>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            try {
                for (YNode doc : YamlTree.parseAll(f.getKey(), f.getValue())) {
                    new FileReader(f.getKey(), out, problems).read(doc);
                }
            } catch (YamlProblem e) {
                problems.accept(Diagnostic.error(CODE, SourceRef.line(f.getKey(), e.line()), e.getMessage()));
            }
        }
        Map<LogSource, List<RecordSpec>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Mappings(frozen);
    }

    /** Reads one mapping file's document. */
    private static final class FileReader {
        private final String file;
        private final Map<LogSource, List<RecordSpec>> out;
        private final Consumer<Diagnostic> problems;
        private Set<String> defaultTypes = Set.of();

        FileReader(String file, Map<LogSource, List<RecordSpec>> out, Consumer<Diagnostic> problems) {
            this.file = file;
            this.out = out;
            this.problems = problems;
        }

        void read(YNode doc) {
            if (!(doc instanceof YMap top)) {
                problem(doc.line(), "a mapping file is a map with 'sources'");
                return;
            }
            try {
                if (top.get("defaults") instanceof YMap d && d.get("types") != null) defaultTypes = strings(d.get("types"));
            } catch (Bad e) {
                problem(e.line, e.getMessage());
            }
            if (!(top.get("sources") instanceof YList sources)) {
                problem(top.line(), "a mapping file needs a 'sources' list");
                return;
            }
            for (YNode s : sources.items()) {
                try {
                    readSource(s);
                } catch (Bad e) {
                    problem(e.line, e.getMessage());
                }
            }
        }

        private void readSource(YNode node) throws Bad {
            YMap m = map(node, "a source entry");
            YMap ls = map(m.get("logsource"), "'logsource'");
            LogSource key = new LogSource(text(ls.get("category")), text(ls.get("product")), text(ls.get("service")));
            List<RecordSpec> specs = out.computeIfAbsent(key, k -> new ArrayList<>());
            if (!(m.get("records") instanceof YList records)) throw new Bad("'records' must be a list", m.line());
            for (YNode r : records.items()) {
                specs.add(readRecord(map(r, "a records entry")));
            }
        }

        private RecordSpec readRecord(YMap r) throws Bad {
            Set<String> types = r.get("types") != null ? strings(r.get("types")) : defaultTypes;
            if (types.isEmpty()) throw new Bad("no record 'types' (and no defaults)", r.line());
            Map<String, Set<String>> where = new LinkedHashMap<>();
            if (r.get("where") != null) {
                for (Map.Entry<String, YNode> w : map(r.get("where"), "'where'").entries().entrySet()) {
                    Set<String> accepted = new LinkedHashSet<>();
                    for (String v : strings(w.getValue())) accepted.add(Fold.fold(v));
                    where.put(w.getKey(), accepted);
                }
            }
            Map<String, FieldAccess> fields = new LinkedHashMap<>();
            if (r.get("fields") != null) {
                for (Map.Entry<String, YNode> e : map(r.get("fields"), "'fields'").entries().entrySet()) {
                    fields.put(Fold.fold(e.getKey()), access(e.getValue()));
                }
            }
            return new RecordSpec(file + ":" + r.line(), types, where, fields);
        }

        private FieldAccess access(YNode n) throws Bad {
            if (n instanceof YScalar s) return new FieldAccess.Direct(s.text());
            YMap m = map(n, "a field mapping");
            FieldAccess a;
            if (m.get("join") != null) {
                a = new FieldAccess.Join(List.copyOf(strings(m.get("join"))), text(m.get("separator")) == null ? "" : text(m.get("separator")));
            } else if (m.get("field") != null) {
                a = new FieldAccess.Direct(text(m.get("field")));
            } else {
                throw new Bad("a field mapping is a field name, {field: ...} or {join: [...], separator: ...}", m.line());
            }
            if (m.get("plus-as-space") instanceof YScalar p && p.text().equals("true")) a = new FieldAccess.PlusAsSpace(a);
            return a;
        }

        private static YMap map(YNode n, String what) throws Bad {
            if (n instanceof YMap m) return m;
            throw new Bad(what + " must be a map", n == null ? 0 : n.line());
        }

        private static String text(YNode n) {
            return n instanceof YScalar s && !s.isNull() ? s.text() : null;
        }

        private static Set<String> strings(YNode n) throws Bad {
            Set<String> out = new LinkedHashSet<>();
            if (n instanceof YScalar s) {
                out.add(s.text());
            } else if (n instanceof YList l) {
                for (YNode i : l.items()) {
                    if (!(i instanceof YScalar s)) throw new Bad("expected plain values", i.line());
                    out.add(s.text());
                }
            } else {
                throw new Bad("expected a value or a list of values", n == null ? 0 : n.line());
            }
            return out;
        }

        private void problem(int line, String message) {
            problems.accept(Diagnostic.error(CODE, SourceRef.line(file, line), message));
        }
    }

    private static final class Bad extends Exception {
        final int line;

        Bad(String message, int line) {
            super(message);
            this.line = line;
        }
    }
}
