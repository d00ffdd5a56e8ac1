package org.exhunt.yara.modules;

/**
 * A YARA module: its name ({@code import "name"}), its declarations, and its data for a scan (libyara's
 * {@code module_load}). Data the rules only read may be shared between scans and threads when it does not
 * depend on the scanned bytes.
 */
public interface Module {

    String name();

    Declaration.StructDecl declarations();

    /** The module's data for the scan in {@code context}: a value of the declarations' shape, never modified after. */
    ObjectValue.Struct load(ModuleContext context);
}
