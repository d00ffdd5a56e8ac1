package org.exhunt.hunt.layout;

/**
 * The folders where ProxyLogon-era web shells were dropped (CISA AA21-062A; EXCHANGE.md §c), and what a
 * standard install keeps there.
 */
public enum WebShellLocation {
    /** {@code inetpub\wwwroot\aspnet_client\} and below: a standard install has no script files here. */
    ASPNET_CLIENT("inetpub\\wwwroot\\aspnet_client", false),
    /** {@code <install>\FrontEnd\HttpProxy\owa\auth\}: Exchange's own logon pages live here. */
    OWA_AUTH("<install>\\FrontEnd\\HttpProxy\\owa\\auth", true),
    /** {@code <install>\FrontEnd\HttpProxy\ecp\auth\}: only TimeoutLogoff.aspx in a standard install. */
    ECP_AUTH("<install>\\FrontEnd\\HttpProxy\\ecp\\auth", true);

    private final String display;
    private final boolean holdsExchangeScripts;

    WebShellLocation(String display, boolean holdsExchangeScripts) {
        this.display = display;
        this.holdsExchangeScripts = holdsExchangeScripts;
    }

    /** The folder as documented, for reports. */
    public String display() {
        return display;
    }

    /** True when a standard install keeps its own script files here, so a script file alone proves nothing. */
    public boolean holdsExchangeScripts() {
        return holdsExchangeScripts;
    }
}
