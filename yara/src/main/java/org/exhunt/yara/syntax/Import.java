package org.exhunt.yara.syntax;

/** {@code import "module"}, in the namespace it was written in. */
public record Import(String namespace, String module, SourcePos pos) {}
