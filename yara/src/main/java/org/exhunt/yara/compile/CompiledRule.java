package org.exhunt.yara.compile;

import java.util.List;
import org.exhunt.yara.condition.Node;

/**
 * One rule, ready to evaluate: identity, tags, metadata (values are {@code byte[]}, {@code Long} or
 * {@code Boolean}), its visible strings in declaration order, and its condition.
 */
public record CompiledRule(int index, String namespace, int namespaceIndex, String name, boolean isPrivate,
        boolean isGlobal, List<String> tags, List<Metadata> metas, List<CompiledString> strings, Node condition,
        List<String> unimplementedModuleFields) {

    /** A {@code meta:} entry. */
    public record Metadata(String name, Object value) {}
}
