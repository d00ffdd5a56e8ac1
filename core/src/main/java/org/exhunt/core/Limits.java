package org.exhunt.core;

/**
 * Every cap exhunt applies to untrusted input, in one place (like libyara's {@code limits.h}). A cap that
 * is hit is always reported; nothing is dropped in silence.
 */
public final class Limits {

    private Limits() {}

    /** Problems kept per input file; more are counted, not listed. */
    public static final int DIAGNOSTICS_PER_FILE = 100;

    /** Files larger than this are not read for content examination (they are reported as not examined). */
    public static final int CONTENT_BYTES = 64 << 20;

    /** Evidence values longer than this are shortened in findings (the source reference points at the rest). */
    public static final int EVIDENCE_CHARS = 1_000;

    /** Characters of one Sigma rule or mapping file; a longer one is not loaded. */
    public static final int RULE_FILE_CHARS = 4 * 1024 * 1024;

    /** YAML aliases per collection in a rule file (YAML's "billion laughs" guard). */
    public static final int YAML_ALIASES = 50;

    /** Nesting depth of a rule file's YAML. */
    public static final int YAML_DEPTH = 64;

    /** Values one Sigma value may expand into (windash permutations, placeholder lists); more is a load error. */
    public static final int SIGMA_VALUE_EXPANSIONS = 4_096;

    /** Length of a Sigma condition, in characters. */
    public static final int SIGMA_CONDITION_CHARS = 10_000;

    /** Characters of one JSON record (one string value, for the parser); a longer one ends the file's reading. */
    public static final int JSON_RECORD_CHARS = 16 * 1024 * 1024;

    /** Nesting depth of a JSON record. */
    public static final int JSON_NESTING = 64;
}
