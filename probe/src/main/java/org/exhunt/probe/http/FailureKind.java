package org.exhunt.probe.http;

/** Why a request got no HTTP response. */
public enum FailureKind {
    /** The connection was refused or not made in time. */
    NO_ANSWER,
    /** Connected, but no response came in time. */
    TIMEOUT,
    /** The TLS handshake failed. */
    TLS,
    /** The connection was reset or closed before a response: what IIS's AbortRequest rewrite action does. */
    RESET,
    /** Something answered, but not HTTP. */
    GARBAGE
}
