package org.exhunt.sigma.yaml;

import java.util.List;
import java.util.Map;

/** A node of a YAML document with the line and column (1-based) where it starts. */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    int line();

    int column();

    /** A mapping; keys are scalars, kept in document order and unique. */
    record YMap(Map<String, YNode> entries, Map<String, Integer> keyLines, int line, int column) implements YNode {
        public YNode get(String key) {
            return entries.get(key);
        }

        /** The line of a key, or the mapping's own line when the key is absent. */
        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    /** A sequence. */
    record YList(List<YNode> items, int line, int column) implements YNode {}

    /**
     * A scalar: its text exactly as written (so {@code 0x17} stays {@code 0x17}) and the kind YAML's core schema
     * resolves it to.
     */
    record YScalar(String text, Kind kind, int line, int column) implements YNode {
        public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

        public boolean isNull() {
            return kind == Kind.NULL;
        }
    }
}
