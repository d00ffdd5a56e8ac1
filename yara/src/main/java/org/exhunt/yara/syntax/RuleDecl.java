package org.exhunt.yara.syntax;

import java.util.List;

/** One rule as written, in the namespace it was declared in. */
public record RuleDecl(String namespace, boolean isPrivate, boolean isGlobal, String name, List<String> tags,
        List<Meta> metas, List<StringDecl> strings, Expr condition, SourcePos pos) {}
