package org.exhunt.yara.modules;

/**
 * A YARA module: its name ({@code import "name"}), its declarations, and how it fills its data for a
 * scan (libyara's {@code module_load}).
 */
public interface Module {

    String name();

    Declaration.StructDecl declarations();

    /** Fills {@code root} (an empty value of the declarations' shape) for the scan in {@code context}. */
    void load(ObjectValue.Struct root, ModuleContext context);
}
