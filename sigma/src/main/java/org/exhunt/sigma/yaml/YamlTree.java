package org.exhunt.sigma.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.exhunt.core.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML text into {@link YNode} trees. Entry point: {@link #parseAll(String, String)}. Uses YAML 1.2's
 * core schema; aliases are capped (no "billion laughs"), duplicate keys and non-scalar keys are problems.
 */
public final class YamlTree {

    private YamlTree() {}

    /** Immutable and thread-safe; built once, since building one compiles the schema's patterns. */
    static final LoadSettings SETTINGS = LoadSettings.builder()
            .setLabel("rule")
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(Limits.YAML_ALIASES)
            .setCodePointLimit(Limits.RULE_FILE_CHARS)
            .setAllowDuplicateKeys(true)   // reported by us, with the line
            .build();

    /**
     * Every document of a multi-document text, in order; empty documents are skipped. Thread-safe. A document
     * nested deeper than {@link Limits#YAML_DEPTH} is a problem at its first node past that depth.
     */
    public static List<YNode> parseAll(String name, String text) throws YamlProblem {
        refuseOpenBrackets(text);
        List<YNode> docs = new ArrayList<>();
        BoundedParser parser = new BoundedParser(
                new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)), Limits.YAML_DEPTH + 1);
        Composer composer = new Composer(SETTINGS, parser);
        try {
            while (composer.hasNext()) {
                Node node = composer.next();
                if (node != null) docs.add(tree(node));
                // merge keys can lift what was nested too deep to a depth the tree takes: still too deep as written
                Optional<Mark> cut = parser.cut();
                if (cut.isPresent()) throw new YamlProblem("nested deeper than " + Limits.YAML_DEPTH, line(cut), column(cut));
                parser.nextDocument();
            }
        } catch (YamlEngineException e) {
            throw problem(e);
        }
        return docs;
    }

    /** A problem at the first bracket past {@link Limits#YAML_OPEN_BRACKETS} open ones, quoted or not. */
    private static void refuseOpenBrackets(String text) throws YamlProblem {
        int open = 0;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '[', '{' -> {
                    if (++open > Limits.YAML_OPEN_BRACKETS) {
                        throw new YamlProblem("more than " + Limits.YAML_OPEN_BRACKETS + " brackets open", line, i - lineStart + 1);
                    }
                }
                case ']', '}' -> open = Math.max(0, open - 1);
                case '\n' -> {
                    line++;
                    lineStart = i + 1;
                }
                default -> { }
            }
        }
    }

    /** A composed document as a tree. */
    static YNode tree(Node node) throws YamlProblem {
        return convert(node, 0);
    }

    /** The library's complaint, positioned where it has a position. */
    static YamlProblem problem(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            Mark m = marked.getProblemMark().or(marked::getContextMark).orElse(null);
            String problem = marked.getProblem() == null ? marked.getMessage() : marked.getProblem();
            return new YamlProblem("not valid YAML: " + firstLine(problem), m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1);
        }
        return new YamlProblem("not valid YAML: " + firstLine(e.getMessage()), 0, 0);
    }

    private static YNode convert(Node node, int depth) throws YamlProblem {
        int line = line(node.getStartMark());
        int column = column(node.getStartMark());
        if (depth > Limits.YAML_DEPTH) throw new YamlProblem("nested deeper than " + Limits.YAML_DEPTH, line, column);
        if (node instanceof ScalarNode s) {
            return new YNode.YScalar(s.getValue(), kind(s), line, column);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) items.add(convert(item, depth + 1));
            return new YNode.YList(Collections.unmodifiableList(items), line, column);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlProblem("a key must be a plain value", line(t.getKeyNode().getStartMark()),
                        column(t.getKeyNode().getStartMark()));
            }
            int keyLine = line(key.getStartMark());
            if (entries.containsKey(key.getValue())) {
                throw new YamlProblem("duplicate key '" + key.getValue() + "'", keyLine, column(key.getStartMark()));
            }
            entries.put(key.getValue(), convert(t.getValueNode(), depth + 1));
            keyLines.put(key.getValue(), keyLine);
        }
        return new YNode.YMap(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines), line, column);
    }

    private static YNode.YScalar.Kind kind(ScalarNode s) {
        Tag tag = s.getTag();
        if (Tag.INT.equals(tag)) return YNode.YScalar.Kind.INT;
        if (Tag.FLOAT.equals(tag)) return YNode.YScalar.Kind.FLOAT;
        if (Tag.BOOL.equals(tag)) return YNode.YScalar.Kind.BOOL;
        if (Tag.NULL.equals(tag)) return YNode.YScalar.Kind.NULL;
        return YNode.YScalar.Kind.STRING;
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    private static int column(Optional<Mark> mark) {
        return mark.map(m -> m.getColumn() + 1).orElse(0);
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown problem";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
