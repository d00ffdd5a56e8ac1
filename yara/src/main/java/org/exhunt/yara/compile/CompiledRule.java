package org.exhunt.yara.compile;

import java.util.List;
import org.exhunt.yara.condition.Node;

/**
 * One rule, ready to evaluate: identity, tags, metadata (values are {@code byte[]}, {@code Long} or
 * {@code Boolean}), its visible strings in declaration order, its condition, the strings of which one must
 * have matched for the condition to hold (null if none; see {@link Node#requiredStrings}), and the module
 * fields it reads that are not implemented.
 */
public record CompiledRule(int index, String namespace, int namespaceIndex, String name, boolean isPrivate,
        boolean isGlobal, List<String> tags, List<Metadata> metas, List<CompiledString> strings, Node condition,
        int[] requiredStrings, List<String> unimplementedModuleFields) {


    /** A {@code meta:} entry. */
    public record Metadata(String name, Object value) {}
}
