package org.exhunt.yara;

import java.util.List;

/**
 * One non-private rule's outcome on one scan: whether it matched, its namespace, name, tags, metadata
 * (values are {@code String}, {@code Long} or {@code Boolean}; text values' bytes in {@link Meta#raw}), and,
 * when it matched, the matches of its non-private strings, by string in declaration order, each by offset
 * (an immutable list whose elements are made as they are read: a rule can have millions of matches).
 */
public record RuleMatch(boolean matched, String namespace, String name, List<String> tags, List<Meta> metas,
        List<StringMatch> strings) {

    /** A {@code meta:} entry; {@code raw} holds a text value's bytes (null for numbers and booleans). */
    public record Meta(String name, Object value, byte[] raw) {}

    /** This rule's outcome as a match with these strings. */
    RuleMatch matchedWith(List<StringMatch> matches) {
        return new RuleMatch(true, namespace, name, tags, metas, matches);
    }
}
