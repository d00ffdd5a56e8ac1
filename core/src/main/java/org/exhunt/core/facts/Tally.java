package org.exhunt.core.facts;

/**
 * Facts the detectors count during a scan that are worth one line per server rather than one per file or record
 * ({@link ScanFacts#tallies()}).
 */
public enum Tally {
    /** PE files on which YARA rules reading PE fields were evaluated without them (the pe module is not implemented). */
    YARA_PE_FIELDS_NOT_EVALUATED,
    /** Matches of correlated Sigma rules not correlated: a scan keeps a bounded number. */
    SIGMA_CORRELATION_MATCHES_NOT_KEPT,
    /** Matches of correlated Sigma rules without a time, which cannot be correlated. */
    SIGMA_CORRELATION_MATCHES_UNTIMED,
    /** Sigma correlation groups closed early to stay within memory. */
    SIGMA_CORRELATION_GROUPS_CLOSED_EARLY
}
