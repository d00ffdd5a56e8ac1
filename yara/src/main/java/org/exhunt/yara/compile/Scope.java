package org.exhunt.yara.compile;

import java.util.List;
import org.exhunt.yara.condition.ExprType;
import org.exhunt.yara.modules.Declaration;

/** What a rule's condition can name: its strings, earlier rules, external variables, imported modules. */
public interface Scope {

    /** An external variable: its slot, type and compile-time value ({@code Long}, {@code Double}, {@code byte[]}). */
    record External(int slot, ExprType type, Object value) {}

    /** An imported module: its slot and declarations. */
    record ImportedModule(int slot, String name, Declaration.StructDecl declarations) {}

    /** The rule's visible strings, in declaration order. */
    List<CompiledString> strings();

    /** An earlier rule of the current namespace, by name; -1 if none. */
    int rule(String name);

    /** Earlier rules of the current namespace whose name starts with {@code prefix}, in order. */
    List<Integer> rulesWithPrefix(String prefix);

    External external(String name);

    /** A module imported in the current namespace, or null. */
    ImportedModule module(String name);
}
