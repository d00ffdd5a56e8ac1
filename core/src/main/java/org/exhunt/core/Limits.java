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

    /**
     * Findings one rule keeps per server (the earliest, plus the latest); more are counted. Bounds memory when a
     * rule fires on every line of a large log.
     */
    public static final int FINDINGS_PER_RULE = 1_000;

    /** Evidence values longer than this are shortened in findings (the source reference points at the rest). */
    public static final int EVIDENCE_CHARS = 1_000;

    /** Characters of one Sigma rule or mapping file; a longer one is not loaded. */
    public static final int RULE_FILE_CHARS = 4 * 1024 * 1024;

    /** YAML aliases per collection in a rule file (YAML's "billion laughs" guard). */
    public static final int YAML_ALIASES = 50;

    /** Nesting depth of a rule file's YAML. */
    public static final int YAML_DEPTH = 64;

    /**
     * Brackets ({@code [} and <code>{</code>) a rule file's text may hold open at once, counted without regard to
     * quoting, before YAML reads it: the YAML library's scanner takes time proportional to the open flow collections
     * for every token, so a file of 100,000 brackets would take minutes. Twice {@link #YAML_DEPTH}, leaving room for
     * brackets inside quoted values.
     */
    public static final int YAML_OPEN_BRACKETS = 2 * YAML_DEPTH;

    /**
     * Bytes of a compiled Sigma rules file ({@code exhunt rules compile}); a larger one is not used (the rule files
     * are read instead). SigmaHQ's whole rule set compiles to a few megabytes.
     */
    public static final int SIGMA_COMPILED_BYTES = 256 << 20;

    /** Values one Sigma value may expand into (windash permutations, placeholder lists); more is a load error. */
    public static final int SIGMA_VALUE_EXPANSIONS = 4_096;

    /** Length of a Sigma condition, in characters. */
    public static final int SIGMA_CONDITION_CHARS = 10_000;

    /**
     * Parentheses and {@code not}s one Sigma condition may nest (SigmaHQ's nest three or four): the parser, the
     * compiler and the matchers recurse once per level, and 2,000 levels fit in the character cap.
     */
    public static final int SIGMA_CONDITION_NESTING = 64;

    /**
     * Instructions a Sigma regular expression ({@code |re}) may compile to once its counted repetitions are
     * expanded, as estimated before RE2J compiles it (like RE2's {@code max_mem}): {@code ((a{100}){100}){100}}
     * is a million, and RE2J would take gigabytes to build it. Matching costs up to one step per instruction and
     * character; SigmaHQ's largest take a few hundred.
     */
    public static final int SIGMA_REGEX_PROGRAM = 10_000;

    /** Characters of one JSON record (one string value, for the parser); a longer one ends the file's reading. */
    public static final int JSON_RECORD_CHARS = 16 * 1024 * 1024;

    /** Nesting depth of a JSON record. */
    public static final int JSON_NESTING = 64;

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

    // Archives (zip triage collections) are hostile input: these caps bound what one can cost.

    /** Archives opened inside an archive, below the one given: a zip in a zip is one level. */
    public static final int ARCHIVE_NESTING = 2;

    /** Entries one archive may list; more would cost memory before a byte is read. */
    public static final int ARCHIVE_ENTRIES = 1_000_000;

    /** Size of one archive's central directory, which is held in memory while the archive is read. */
    public static final long ARCHIVE_CENTRAL_DIRECTORY_BYTES = 256L << 20;

    /** Uncompressed size of one archive entry (a collected $MFT or pagefile can be tens of GiB). */
    public static final long ARCHIVE_ENTRY_BYTES = 64L << 30;

    /** Uncompressed size of all entries of one archive, nested archives included. */
    public static final long ARCHIVE_TOTAL_BYTES = 1L << 40;

    /**
     * Compression ratio (uncompressed : compressed) above which an entry is taken for a bomb, once it
     * expands past {@link #ARCHIVE_RATIO_FLOOR}. Real evidence stays far below it; deflate's own ceiling is
     * about 1032 : 1, reached only by runs of one byte.
     */
    public static final long ARCHIVE_RATIO = 200;

    /** Entries that expand to less than this are never taken for bombs, whatever their ratio. */
    public static final long ARCHIVE_RATIO_FLOOR = 64L << 20;

    /**
     * Compressed archives inside an archive are inflated into memory to be read in place (nothing is written
     * to disk); this caps the memory they take per source. Stored (uncompressed) ones are read in place.
     */
    public static final long ARCHIVE_NESTED_IN_MEMORY_BYTES = 256L << 20;

    // Sigma correlations keep state per group of events; these caps bound it (docs/sigma.md, "Memory").

    /** Window entries (one per event still inside a group's time span) over all correlations of a run. */
    public static final int CORRELATION_ENTRIES = 4_000_000;

    /** Groups with an open window, over all correlations of a run; beyond, the least recently updated closes early. */
    public static final int CORRELATION_GROUPS = 200_000;

    /**
     * Correlations one Sigma correlation may be built on, one on another (2 when it names a correlation of rules):
     * a firing calls the next link, and each finding links the last, so a hostile chain of thousands would exhaust
     * the stack. Real chains are two or three long.
     */
    public static final int SIGMA_CORRELATION_CHAIN = 16;

    /** Events a correlation finding links (the latest ones; its counts cover all). */
    public static final int CORRELATION_LINKED = 5;

    /**
     * Matches of correlated Sigma rules a scan keeps per server while it reads the logs (in no time order, on several
     * threads), to feed them to the correlations in time order once all are read; more are counted, not correlated.
     * A kept match holds no record: its time, place, rule, the values its correlations read and a short evidence,
     * at most about 1.5 KB besides those values (docs/sigma.md, "In a scan").
     */
    public static final int CORRELATION_KEPT = 250_000;

    /** Evidence values a kept match of a correlated rule holds: the values that matched first, then who did what. */
    public static final int CORRELATION_EVIDENCE_VALUES = 10;

    /** Characters of each of those values (the match's source points at the rest). */
    public static final int CORRELATION_EVIDENCE_CHARS = 100;

    /**
     * How deeply EVTX binary XML may nest (elements inside elements, and binary-XML values inside
     * templates): real events are under 10 levels; a hostile record must not exhaust the stack.
     */
    public static final int EVTX_NESTING_DEPTH = 48;

    /**
     * Elements one EVTX record may render to. Array values repeat their element once per item, so a
     * 64 KiB record could otherwise expand without bound; past the cap the record is cut and reported.
     */
    public static final int EVTX_ELEMENTS_PER_RECORD = 100_000;

    /**
     * Characters of text one EVTX record may render to (values and attribute text together). A 64 KiB
     * record holds 32K characters; more can only come from a template repeating its values, which a hostile
     * record can do until memory runs out.
     */
    public static final int EVTX_TEXT_PER_RECORD = 1 << 20;

    /**
     * Record-like places in one chunk that slack recovery tries to parse. A real chunk holds a few hundred
     * records; a crafted one could make every 8th byte look like a record and parsing quadratic.
     */
    public static final int EVTX_RECOVERY_ATTEMPTS_PER_CHUNK = 4096;

    /** Characters of one STIX indicator pattern read from a user's bundle. */
    public static final int STIX_PATTERN_CHARS = 64 * 1024;

    /**
     * Alternatives one STIX pattern may expand to once AND is distributed over OR ({@code [(a OR b) AND (c OR d)]}
     * is four): the expansion is exponential in the nesting, so a hostile pattern is refused past this.
     */
    public static final int STIX_PATTERN_ALTERNATIVES = 256;

    /** Parentheses and brackets one STIX pattern may nest (real patterns use two or three levels). */
    public static final int STIX_PATTERN_NESTING = 32;

    /**
     * Matches kept per YARA string and file; further ones are dropped with a warning. libyara's value
     * ({@code YR_MAX_STRING_MATCHES}): a lower one would change {@code #a} and {@code -s} output.
     */
    public static final int YARA_MATCHES_PER_STRING = 1_000_000;

    /** Bytes of each YARA match kept for reports (libyara's {@code YR_MAX_MATCH_DATA}). */
    public static final int YARA_MATCH_DATA = 512;

    /**
     * Matches one YARA scan may hold over all its strings (about 8 bytes each): past it the file's scan
     * stops with "too many matches". libyara has no such cap (a 1 MB file of {@code <%%>} takes it 0.9 GB);
     * strings that are the same in several rules count once.
     */
    public static final int YARA_MATCHES_PER_SCAN = 16_000_000;

    /**
     * Seconds the YARA rules may take over one web file in a scan; past it that file's YARA scan stops and is
     * reported ({@code exhunt yara} takes its limit from {@code -a}, as yara does).
     */
    public static final int YARA_SCAN_SECONDS = 30;

    /** Files larger than this are not scanned with YARA rules (reported as not scanned: too large). */
    public static final long YARA_FILE_BYTES = 512L << 20;

    /**
     * Files up to this size are read into memory for a YARA scan ({@code exhunt yara}); larger ones are mapped
     * instead, as libyara maps every file it scans, so that the heap a scan takes does not grow with the file.
     */
    public static final int YARA_READ_BYTES = 16 << 20;
}
