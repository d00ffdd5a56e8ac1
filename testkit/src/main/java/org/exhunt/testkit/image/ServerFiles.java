package org.exhunt.testkit.image;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.exhunt.testkit.pe.PeImage;

/**
 * The files of an Exchange server that are not logs: {@code Bin\ExSetup.exe} with the build's version resource,
 * stand-ins for Exchange's own pages in the OWA and ECP {@code auth} folders ({@link StockPages}), OWA's version
 * folder for each CU the server ran, the IIS start page and {@code aspnet_client} folder, and IIS's
 * {@code applicationHost.config} with the URL-rewrite rules of the mitigations in place. The stand-ins say they are
 * not Microsoft's files.
 */
final class ServerFiles {

    private static final String HTTP_PROXY = Layout.INSTALL + "/FrontEnd/HttpProxy/";

    private ServerFiles() {}

    /** Drive path to content, in a fixed order. */
    static Map<String, byte[]> of(Scenario s) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(Layout.INSTALL + "/Bin/ExSetup.exe", PeImage.exSetup(s.build()).bytes());
        files.put(HTTP_PROXY + "owa/auth/logon.aspx", StockPages.page("logon.aspx"));
        files.put(HTTP_PROXY + "owa/auth/errorFE.aspx", StockPages.page("errorFE.aspx"));
        Set<String> cus = new TreeSet<>();
        cus.add(cu(s.build()));
        s.earlierBuilds().forEach(e -> cus.add(cu(e.build())));
        for (String cu : cus) {
            files.put(HTTP_PROXY + "owa/auth/" + cu + "/README.txt",
                    text("exhunt example: the version folder holding OWA's static logon resources.\n"));
        }
        files.put(HTTP_PROXY + "ecp/auth/TimeoutLogoff.aspx", StockPages.page("TimeoutLogoff.aspx"));
        files.put("inetpub/wwwroot/iisstart.htm", text("<html><body>IIS Windows Server</body></html>\n"));
        files.put("inetpub/wwwroot/aspnet_client/system_web/4_0_30319/README.txt",
                text("exhunt example: ASP.NET client scripts folder as created by IIS (no script files).\n"));
        files.put("Windows/System32/inetsrv/config/applicationHost.config", applicationHost(s.mitigations()));
        return files;
    }

    /** The CU part of a build ({@code 15.1.2176}), as OWA names its version folder. */
    static String cu(String build) {
        return build.substring(0, build.lastIndexOf('.'));
    }

    /**
     * IIS's configuration, cut to the parts a scan reads: the Default Web Site's rewrite rules, as EOMT and
     * EOMTv2 add them (CSS-Exchange {@code EOMT.ps1}, {@code EOMTv2.ps1}).
     */
    static byte[] applicationHost(Set<Scenario.Mitigation> mitigations) {
        StringBuilder rules = new StringBuilder();
        if (mitigations.contains(Scenario.Mitigation.EOMT)) {
            rules.append(rule("X-AnonResource-Backend Abort - inbound", false, ".*", "{HTTP_COOKIE}",
                    "(.*)X-AnonResource-Backend(.*)"));
            rules.append(rule("X-BEResource Abort - inbound", true, ".*", "{HTTP_COOKIE}", "(.*)X-BEResource=(.+)/(.+)~(.+)"));
        }
        if (mitigations.contains(Scenario.Mitigation.EOMT_V2)) {
            rules.append(rule("PowerShell - inbound", true, ".*", "{UrlDecode:{REQUEST_URI}}",
                    "(?=.*autodiscover)(?=.*powershell)"));
        }
        return text("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- exhunt example: the parts of IIS's applicationHost.config a scan reads (not a whole file) -->
                <configuration>
                    <system.applicationHost>
                        <sites>
                            <site name="Default Web Site" id="1" serverAutoStart="true">
                                <application path="/" applicationPool="DefaultAppPool">
                                    <virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" />
                                </application>
                            </site>
                        </sites>
                    </system.applicationHost>
                    <location path="Default Web Site">
                        <system.webServer>
                            <rewrite>
                                <rules>
                """ + rules + """
                                </rules>
                            </rewrite>
                        </system.webServer>
                    </location>
                </configuration>
                """);
    }

    private static String rule(String name, boolean stop, String url, String input, String pattern) {
        return "                    <rule name=\"" + name + "\"" + (stop ? " stopProcessing=\"true\"" : "") + ">\n"
                + "                        <match url=\"" + url + "\" />\n"
                + "                        <conditions>\n"
                + "                            <add input=\"" + input + "\" pattern=\"" + pattern + "\" />\n"
                + "                        </conditions>\n"
                + "                        <action type=\"AbortRequest\" />\n"
                + "                    </rule>\n";
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
