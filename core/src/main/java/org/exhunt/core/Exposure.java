package org.exhunt.core;

/** Whether a server's build leaves it open to an attack chain. */
public enum Exposure {
    /** The build contains the fixes. */
    PATCHED,
    /** A vulnerable build, but a mitigation (e.g. EOMT's URL-rewrite rules) is in place. */
    MITIGATED,
    /** A build without the fixes and no mitigation seen. */
    VULNERABLE,
    /** The product is not affected by the chain (e.g. Exchange 2010 and ProxyShell). */
    NOT_AFFECTED,
    /** The build could not be determined, or is not in the knowledge base. */
    UNKNOWN,
    /** Exposure was not looked at in this run (no knowledge of builds was applied). Never counts as incomplete. */
    NOT_ASSESSED
}
