package org.exhunt.hunt.verdict;

/** The verdict rows of a server, in report order (ARCHITECTURE.md, Verdicts). */
public final class Rows {

    private Rows() {}

    public static final String PROXYLOGON = "ProxyLogon";
    public static final String PROXYSHELL = "ProxyShell";
    public static final String PROXYNOTSHELL = "ProxyNotShell";
    public static final String POST_EXPLOITATION = "Post-exploitation";
}
