package org.exhunt.probe;

/** What a target turned out to be, each told apart (issue #14). */
public enum TargetStatus {
    /** Exchange, with its full build (security update included). */
    EXCHANGE_BUILD,
    /** Exchange, with its CU only: the security-update level is unknown. */
    EXCHANGE_CU,
    /** Exchange, but no build or CU showed. */
    EXCHANGE_NO_VERSION,
    /** Exchange on a build vulnerable to ProxyLogon, whose SSRF requests are aborted (seen with --active only). */
    MITIGATED,
    /** Something answered HTTP, but it is not Exchange. */
    NOT_EXCHANGE,
    /** No connection, or no response in time. */
    NO_ANSWER,
    /** The TLS handshake failed. */
    TLS_FAILURE,
    /** Something answered, but not HTTP. */
    GARBAGE
}
