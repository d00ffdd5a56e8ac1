package org.exhunt.kb;

/** Where a build number sits relative to the build table: how sure the knowledge base can be about it. */
public enum Placement {
    /** A build of the table. */
    EXACT,
    /** Not in the table, but within a known CU, after a known build of it: it has at least that build's fixes. */
    WITHIN_CU,
    /** Only the CU is known (three-part build number): the security-update level is unknown. */
    CU_ONLY,
    /** Between two known builds, outside any known CU (an unlisted CU, a pre-release, an interim build). */
    BETWEEN_BUILDS,
    /** Older than every build of its product the table knows. */
    OLDER_THAN_KB,
    /** Newer than every build of its product the table knows. */
    NEWER_THAN_KB,
    /** No product of the knowledge base has builds with this number. */
    UNKNOWN_PRODUCT
}
