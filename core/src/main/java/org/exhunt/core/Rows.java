package org.exhunt.core;

/**
 * The names of the verdict rows (ARCHITECTURE.md, Verdicts), as every report, check and test spells them. Which
 * chain rows a build is assessed for, and what is known of each, is the knowledge base's data ({@code rules/kb/
 * rows.csv}); these are the names code refers to.
 */
public final class Rows {

    private Rows() {}

    public static final String PROXYLOGON = "ProxyLogon";
    public static final String PROXYSHELL = "ProxyShell";
    public static final String PROXYNOTSHELL = "ProxyNotShell";
    public static final String CVE_2020_0688 = "CVE-2020-0688";
    public static final String CVE_2021_42321 = "CVE-2021-42321";
    /** ProxyToken. */
    public static final String CVE_2021_33766 = "CVE-2021-33766";
    public static final String CVE_2021_31196 = "CVE-2021-31196";
    /** Web shells, credential dumps, staged archives and indicator hits that no chain's evidence explains. */
    public static final String POST_EXPLOITATION = "Post-exploitation";
}
