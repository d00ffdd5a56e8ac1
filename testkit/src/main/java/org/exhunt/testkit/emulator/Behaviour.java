package org.exhunt.testkit.emulator;

/**
 * What one emulated server does.
 *
 * @param kind          Exchange, another web server, or a failure mode
 * @param tls           {@code NONE} for plain HTTP, else which certificate to serve
 * @param build         the build an Exchange server runs ({@code 15.1.2176.2}); ignored otherwise
 * @param owaHeader     send {@code X-OWA-Version} with OWA pages
 * @param exportTool    serve the export tool's manifest
 * @param ecpFolders    answer 200 on {@code /ecp/<its build>/exporttool/} (404 for other builds)
 * @param proxyLogon    how the ProxyLogon SSRF request is answered
 * @param proxyShell302 answer the ProxyShell Autodiscover request with 302 (a vulnerable build); else 400
 * @param feServer      the {@code X-FEServer} name sent, or null
 * @param delayMillis   wait this long before each response
 * @param failFirst     close the first this-many connections at once, without a response (a flaky server)
 */
public record Behaviour(Kind kind, Tls tls, String build, boolean owaHeader, boolean exportTool, boolean ecpFolders,
                        ProxyLogon proxyLogon, boolean proxyShell302, String feServer, int delayMillis, int failFirst) {

    /** The kind of server. */
    public enum Kind {
        /** Exchange's OWA/ECP, as configured. */
        EXCHANGE,
        /** A web server that is not Exchange (an intranet page). */
        OTHER_WEB,
        /** Accepts connections, never answers. */
        SILENT,
        /** Answers every request with bytes that are not HTTP. */
        GARBAGE,
        /** Answers the OWA logon page with a redirect to another host. */
        REDIRECT_AWAY,
        /** Sends a response's head at once, then its body one byte every 200 ms, never ending. */
        DRIP_BODY,
        /** Sends a chunked body as fast as it can, never ending. */
        ENDLESS_CHUNKED,
        /** A web server that is not Exchange, whose title and {@code Server} header carry terminal control sequences. */
        HOSTILE_TEXT,
        /** Answers with an ESC sequence in a header, which the HTTP client refuses, quoting it in its error. */
        HOSTILE_HEADER
    }

    /** The TLS side of a server. */
    public enum Tls { NONE, VALID, EXPIRED }

    /** How the ProxyLogon SSRF check ({@code X-BEResource} cookie) is answered. */
    public enum ProxyLogon {
        /** The SSRF works: {@code X-CalculatedBETarget: localhost}. */
        VULNERABLE,
        /** A fixed server: an ordinary 404 for {@code x.js}. */
        FIXED,
        /** EOMT's rewrite rule: the connection is aborted. */
        ABORTED
    }

    /** An Exchange server of this build over TLS, showing everything (header, manifest, ECP folders). */
    public static Behaviour exchange(String build, boolean vulnerableToProxyLogon, boolean vulnerableToProxyShell) {
        return new Behaviour(Kind.EXCHANGE, Tls.VALID, build, true, true, true,
                vulnerableToProxyLogon ? ProxyLogon.VULNERABLE : ProxyLogon.FIXED, vulnerableToProxyShell, "EX01", 0, 0);
    }

    public static Behaviour of(Kind kind) {
        return new Behaviour(kind, Tls.VALID, "", false, false, false, ProxyLogon.FIXED, false, null, 0, 0);
    }

    public Behaviour tls(Tls t) {
        return new Behaviour(kind, t, build, owaHeader, exportTool, ecpFolders, proxyLogon, proxyShell302, feServer, delayMillis, failFirst);
    }

    /** Which of the build's sources are visible: the header, the manifest, the ECP folders. */
    public Behaviour showing(boolean header, boolean manifest, boolean folders) {
        return new Behaviour(kind, tls, build, header, manifest, folders, proxyLogon, proxyShell302, feServer, delayMillis, failFirst);
    }

    public Behaviour proxyLogon(ProxyLogon p) {
        return new Behaviour(kind, tls, build, owaHeader, exportTool, ecpFolders, p, proxyShell302, feServer, delayMillis, failFirst);
    }

    public Behaviour delay(int millis) {
        return new Behaviour(kind, tls, build, owaHeader, exportTool, ecpFolders, proxyLogon, proxyShell302, feServer, millis, failFirst);
    }

    public Behaviour failFirst(int connections) {
        return new Behaviour(kind, tls, build, owaHeader, exportTool, ecpFolders, proxyLogon, proxyShell302, feServer, delayMillis, connections);
    }
}
