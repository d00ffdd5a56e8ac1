package org.exhunt.core;

/** Whether the evidence shows an attack chain was used against a server. */
public enum Compromise {
    /** No evidence, and the evidence looked at could have shown it. */
    CLEAN,
    /** Exploit requests with no sign that they succeeded. */
    ATTEMPTED,
    /** Signs of success: a file written and then requested, a shell on disk linked to the chain, ... */
    COMPROMISED,
    /** No evidence found, but the evidence available could not have shown it (logs too short, or missing). */
    CANNOT_TELL,
    /** Compromise was not looked at: a remote probe sees a server's exposure, not its evidence. Never incomplete. */
    NOT_ASSESSED
}
