package org.exhunt.hunt.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeLayoutTest {

    @Test
    void findsTheDefaultInstallPathWhateverItsCase() {
        ExchangeLayout layout = ExchangeLayout.discover(List.of(
                "inetpub/wwwroot/iisstart.htm",
                "PROGRAM FILES/Microsoft/Exchange Server/v15/Bin/ExSetup.exe"));
        assertThat(layout.installPathForDisplay()).hasValue("C:\\PROGRAM FILES\\Microsoft\\Exchange Server\\v15\\");
    }

    @Test
    void findsANonDefaultInstallPathByItsHttpProxyFolder() {
        ExchangeLayout layout = ExchangeLayout.discover(List.of(
                "Exchange/FrontEnd/HttpProxy/owa/auth/logon.aspx",
                "Exchange/Logging/HttpProxy/Owa/HttpProxy_2021030101-1.LOG"));
        assertThat(layout.installPath()).hasValue("Exchange");
        assertThat(layout.webShellLocation("exchange/frontend/httpproxy/OWA/Auth/x.aspx"))
                .hasValue(WebShellLocation.OWA_AUTH);
    }

    @Test
    void prefersTheShortestCandidateWhenSeveralFoldersLookLikeInstalls() {
        ExchangeLayout layout = ExchangeLayout.discover(List.of(
                "backup/old/Exchange/FrontEnd/HttpProxy/owa/auth/logon.aspx",
                "Exchange/Bin/ExSetup.exe"));
        assertThat(layout.installPath()).hasValue("Exchange");
    }

    @Test
    void findsNothingWithoutExchangeFiles() {
        ExchangeLayout layout = ExchangeLayout.discover(List.of("inetpub/wwwroot/iisstart.htm"));
        assertThat(layout.installPath()).isEmpty();
        assertThat(layout.webShellLocation("inetpub/wwwroot/aspnet_client/a/b.aspx"))
                .hasValue(WebShellLocation.ASPNET_CLIENT);
    }

    @Test
    void takesAGivenInstallPathInWindowsForm() {
        ExchangeLayout layout = ExchangeLayout.withInstallPath("D:\\Exchange Server\\");
        assertThat(layout.installPath()).hasValue("Exchange Server");
        assertThat(layout.webShellLocation("Exchange Server/FrontEnd/HttpProxy/ecp/auth/x.aspx"))
                .hasValue(WebShellLocation.ECP_AUTH);
    }

    @Test
    void placesOnlyTheCisaFoldersAmongWebShellLocations() {
        ExchangeLayout layout = ExchangeLayout.withInstallPath("Exchange");
        assertThat(layout.webShellLocation("inetpub/wwwroot/aspnet_client.aspx")).isEmpty();
        assertThat(layout.webShellLocation("exchange/frontend/httpproxy/owa/logon.aspx")).isEmpty();
        assertThat(layout.webShellLocation("exchange/frontend/httpproxy/owa/auth/Current/themes/x.aspx"))
                .hasValue(WebShellLocation.OWA_AUTH);
    }
}
