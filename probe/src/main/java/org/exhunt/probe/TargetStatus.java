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
    /**
     * The OWA pages were answered with a redirect, and nothing showed Exchange: a reverse proxy or pre-authentication
     * portal may stand in front of it, so what runs behind is unknown (no redirect is followed).
     */
    REDIRECTED,
    /** No connection, or no response in time. */
    NO_ANSWER,
    /** The TLS handshake failed. */
    TLS_FAILURE,
    /** Something answered, but not HTTP. */
    GARBAGE
}
