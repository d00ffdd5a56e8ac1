package org.exhunt.core;

/**
 * Every cap exhunt applies to untrusted input, in one place (like libyara's {@code limits.h}). A cap that
 * is hit is always reported; nothing is dropped in silence.
 */
public final class Limits {

    private Limits() {}

    /** Problems kept per input file; more are counted, not listed. */
    public static final int DIAGNOSTICS_PER_FILE = 100;

    /** Evidence values longer than this are shortened in findings (the source reference points at the rest). */
    public static final int EVIDENCE_CHARS = 1_000;

    /** Bytes of a PE file (ExSetup.exe) read to find its version; Exchange's is well under 1 MiB. */
    public static final int PE_FILE_BYTES = 32 * 1024 * 1024;

    /** Sections a PE file may declare (the Windows loader's own limit). */
    public static final int PE_SECTIONS = 96;

    /** Entries one PE resource directory may declare. */
    public static final int PE_RESOURCE_ENTRIES = 4096;

    /** Strings kept from a PE version resource, and characters kept of each. */
    public static final int PE_VERSION_STRINGS = 64;
    public static final int PE_VERSION_STRING_CHARS = 1024;

    /** Bytes of an IIS configuration file (applicationHost.config, web.config) read for rewrite rules. */
    public static final int IIS_CONFIG_BYTES = 64 * 1024 * 1024;
}
