package org.exhunt.probe;

/**
 * The outcome of one exploit-primitive check (only with {@code --active}).
 *
 * @param name    {@code ProxyLogon SSRF} or {@code ProxyShell Autodiscover SSRF}
 * @param verdict what it showed
 * @param seen    what was seen, for the report ({@code X-CalculatedBETarget: localhost}, {@code HTTP 400})
 * @param url     the URL requested
 */
public record ActiveCheck(String name, Result verdict, String seen, String url) {

    /** What an exploit-primitive check showed. */
    public enum Result {
        /** The primitive works: the server is exploitable this way. */
        REACHABLE,
        /** The request was aborted: a rewrite rule in front of the server (EOMT) stops it. */
        ABORTED,
        /** The server answered in the way a fixed server does. */
        NOT_REACHABLE,
        /** Neither: no conclusion. */
        INCONCLUSIVE
    }
}
