package org.exhunt.sigma;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Limits;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.rule.CorrelationParser;
import org.exhunt.sigma.rule.RuleException;
import org.exhunt.sigma.rule.RuleParser;
import org.exhunt.sigma.yaml.YNode;

/**
 * The items of one rule file as bytes, for {@link CompiledRules}: problems as they were reported, rules, filters and
 * correlations as their YAML documents (read again by the same parsers, which are quick; the YAML is what is slow)
 * with the placeholders a rule lacks. Documents keep the nodes they share (YAML aliases, merge keys) shared, so a
 * file is never larger than its tree. Decoding trusts nothing: a damaged item is {@link Damaged}, never deeper than
 * YAML's own limit, never a crash.
 */
final class ItemCodec {

    private static final int PROBLEM = 1;
    private static final int RULE = 2;
    private static final int FILTER = 3;
    private static final int CORRELATION = 4;
    private static final int SCALAR = 1;
    private static final int LIST = 2;
    private static final int MAP = 3;
    private static final int SHARED = 4;

    /** Bytes that do not decode to the items they should. */
    static final class Damaged extends Exception {
        Damaged(String message) {
            super(message);
        }
    }

    private ItemCodec() {}

    static byte[] encode(List<RuleFile.Item> items) {
        Out w = new Out();
        w.number(items.size());
        for (RuleFile.Item item : items) {
            if (item instanceof RuleFile.Problem p) {
                w.number(PROBLEM);
                Diagnostic d = p.diagnostic();
                w.number(d.level().ordinal());
                w.text(d.code());
                w.text(d.message());
                w.text(d.where().file());
                w.signed(d.where().line());
                w.signed(d.where().offset());
                w.text(d.where().recordId());
            } else if (item instanceof RuleFile.Rule r) {
                w.number(RULE);
                w.document(r.doc());
                w.number(r.unresolved().size());
                for (String u : r.unresolved()) w.text(u);
            } else if (item instanceof RuleFile.Filter f) {
                w.number(FILTER);
                w.document(f.doc());
            } else if (item instanceof RuleFile.Correlation c) {
                w.number(CORRELATION);
                w.document(c.doc());
            }
        }
        return w.bytes();
    }

    /** The items of file {@code name} from {@code length} bytes of {@code data} at {@code offset}. */
    static List<RuleFile.Item> decode(String name, byte[] data, int offset, int length) throws Damaged {
        In r = new In(data, offset, offset + length);
        int count = r.count();
        List<RuleFile.Item> items = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                int kind = r.number();
                if (kind == PROBLEM) {
                    int level = r.number();
                    if (level >= Diagnostic.Level.values().length) throw new Damaged("no such level");
                    String code = r.requiredText();
                    String message = r.requiredText();
                    SourceRef where = new SourceRef(r.requiredText(), r.signed(), r.signed(), r.text());
                    items.add(new RuleFile.Problem(new Diagnostic(Diagnostic.Level.values()[level], code, message, where)));
                } else if (kind == RULE) {
                    YNode doc = r.document();
                    int unresolved = r.count();
                    List<String> names = new ArrayList<>(unresolved);
                    for (int u = 0; u < unresolved; u++) names.add(r.requiredText());
                    items.add(new RuleFile.Rule(RuleParser.parse(name, doc), names, doc));
                } else if (kind == FILTER) {
                    YNode doc = r.document();
                    items.add(new RuleFile.Filter(RuleParser.parseFilter(name, doc), doc));
                } else if (kind == CORRELATION) {
                    YNode doc = r.document();
                    items.add(new RuleFile.Correlation(CorrelationParser.parse(name, doc), doc));
                } else {
                    throw new Damaged("no such item");
                }
            }
        } catch (RuleException e) {
            throw new Damaged("a document no longer reads as it did: " + e.getMessage());
        }
        if (!r.done()) throw new Damaged("bytes left over");
        return items;
    }

    /** Numbers (unsigned LEB128, or zigzag for signed ones), texts (UTF-8 by length + 1, 0 for none), documents. */
    static final class Out {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<YNode, Integer> written = new IdentityHashMap<>();   // numbered once complete

        byte[] bytes() {
            return out.toByteArray();
        }

        void raw(byte[] b) {
            out.writeBytes(b);
        }

        void number(long n) {
            while ((n & ~0x7FL) != 0) {
                out.write((int) ((n & 0x7F) | 0x80));
                n >>>= 7;
            }
            out.write((int) n);
        }

        void signed(long n) {
            number((n << 1) ^ (n >> 63));
        }

        void text(String s) {
            if (s == null) {
                number(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length + 1L);
            out.writeBytes(b);
        }

        /** A document: a new numbering of shared nodes, as YAML's anchors are per document. */
        void document(YNode doc) {
            written.clear();
            node(doc);
        }

        /** Depth-first; a node already written (shared) is written as its number. Trees are at most YAML_DEPTH deep. */
        private void node(YNode n) {
            Integer seen = written.get(n);
            if (seen != null) {
                number(SHARED);
                number(seen);
                return;
            }
            if (n instanceof YNode.YScalar s) {
                number(SCALAR);
                text(s.text());
                number(s.kind().ordinal());
            } else if (n instanceof YNode.YList l) {
                number(LIST);
                number(l.items().size());
                for (YNode i : l.items()) node(i);
            } else {
                YNode.YMap m = (YNode.YMap) n;
                number(MAP);
                number(m.entries().size());
                for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                    text(e.getKey());
                    number(m.keyLines().get(e.getKey()));
                    node(e.getValue());
                }
            }
            number(n.line());
            number(n.column());
            written.put(n, written.size());
        }
    }

    /** Reads what {@link Out} wrote, within {@code [at, end)} of {@code data}. */
    static final class In {
        private final byte[] data;
        private final int end;
        private int at;
        private final List<YNode> read = new ArrayList<>();   // complete nodes, by number

        In(byte[] data, int at, int end) {
            this.data = data;
            this.at = at;
            this.end = end;
        }

        int at() {
            return at;
        }

        boolean done() {
            return at == end;
        }

        /** Passes over {@code n} bytes, returning where they start. */
        int skip(int n) throws Damaged {
            if (n > end - at) throw new Damaged("cut short");
            at += n;
            return at - n;
        }

        long wide() throws Damaged {
            long n = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) throw new Damaged("cut short");
                int b = data[at++] & 0xFF;
                n |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return n;
            }
            throw new Damaged("number too long");
        }

        int number() throws Damaged {
            long n = wide();
            if (n < 0 || n > Integer.MAX_VALUE) throw new Damaged("number out of range");
            return (int) n;
        }

        /** A count of things that follow, each taking a byte at least. */
        int count() throws Damaged {
            int n = number();
            if (n > end - at) throw new Damaged("count beyond the data");
            return n;
        }

        long signed() throws Damaged {
            long z = wide();
            return (z >>> 1) ^ -(z & 1);
        }

        String text() throws Damaged {
            int n = number();
            if (n == 0) return null;
            if (n - 1 > end - at) throw new Damaged("text beyond the data");
            String s = new String(data, at, n - 1, StandardCharsets.UTF_8);
            at += n - 1;
            return s;
        }

        String requiredText() throws Damaged {
            String s = text();
            if (s == null) throw new Damaged("text missing");
            return s;
        }

        /** A document: a new numbering of shared nodes. */
        YNode document() throws Damaged {
            read.clear();
            return node(0);
        }

        private YNode node(int depth) throws Damaged {
            if (depth > Limits.YAML_DEPTH) throw new Damaged("nested deeper than YAML may be");
            int kind = number();
            if (kind == SHARED) {
                int n = number();
                if (n >= read.size()) throw new Damaged("no such shared node");
                return read.get(n);
            }
            YNode node;
            if (kind == SCALAR) {
                String text = requiredText();
                int k = number();
                if (k >= YNode.YScalar.Kind.values().length) throw new Damaged("no such scalar kind");
                node = new YNode.YScalar(text, YNode.YScalar.Kind.values()[k], number(), number());
            } else if (kind == LIST) {
                int n = count();
                List<YNode> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(node(depth + 1));
                node = new YNode.YList(Collections.unmodifiableList(items), number(), number());
            } else if (kind == MAP) {
                int n = count();
                Map<String, YNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String key = requiredText();
                    int keyLine = number();
                    if (entries.put(key, node(depth + 1)) != null) throw new Damaged("a key twice");
                    keyLines.put(key, keyLine);
                }
                node = new YNode.YMap(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines), number(), number());
            } else {
                throw new Damaged("no such node");
            }
            read.add(node);
            return node;
        }
    }
}
