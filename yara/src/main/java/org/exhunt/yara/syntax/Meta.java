package org.exhunt.yara.syntax;

/** A {@code meta:} entry; the value is a {@code byte[]} (text), a {@code Long} or a {@code Boolean}. */
public record Meta(String name, Object value, SourcePos pos) {}
