package org.exhunt.kb;

/** Whether a build has the fix of one CVE. */
public enum CveStatus {
    /** The build contains the fix. */
    FIXED,
    /** The build lacks the fix. */
    OPEN,
    /** The CVE does not affect the product. */
    NOT_AFFECTED,
    /** The build number cannot tell (SU level unknown, an update that may or may not have been installed). */
    UNKNOWN
}
