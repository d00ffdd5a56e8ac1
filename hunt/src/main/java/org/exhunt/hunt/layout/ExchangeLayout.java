package org.exhunt.hunt.layout;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where Exchange lives on a server's drive, found from the drive paths of its files: the install path
 * (default {@code Program Files/Microsoft/Exchange Server/V15}, or wherever {@code FrontEnd/HttpProxy} or
 * {@code Bin/ExSetup.exe} sit), and the web-shell locations of CISA AA21-062A below it and in
 * {@code inetpub}. All comparisons ignore case, as Windows does.
 */
public final class ExchangeLayout {

    static final String DEFAULT_INSTALL = "program files/microsoft/exchange server/v15";
    private static final String[] INSTALL_MARKERS = {"/frontend/httpproxy/", "/bin/exsetup.exe"};
    private static final String ASPNET_CLIENT = "inetpub/wwwroot/aspnet_client/";

    private final String installPath; // as found, '/'-separated, no trailing '/'; null when no Exchange was found
    private final String installKey;  // installPath in lower case, for matching

    private ExchangeLayout(String installPath) {
        this.installPath = installPath;
        this.installKey = installPath == null ? null : installPath.toLowerCase(Locale.ROOT);
    }

    /** A layout with a known install path (as given by the user, '/' or '\' separated, drive letter allowed). */
    public static ExchangeLayout withInstallPath(String installPath) {
        return new ExchangeLayout(normalize(installPath));
    }

    /**
     * Finds the install path among the drive paths of a server's files. The default path wins when present;
     * otherwise the shortest folder holding an install marker.
     */
    public static ExchangeLayout discover(Collection<String> drivePaths) {
        TreeSet<String> candidates = new TreeSet<>((a, b) -> a.length() != b.length()
                ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        for (String path : drivePaths) {
            String p = "/" + path.toLowerCase(Locale.ROOT);
            if (p.startsWith("/" + DEFAULT_INSTALL + "/")) {
                return new ExchangeLayout(path.substring(0, DEFAULT_INSTALL.length()));
            }
            for (String marker : INSTALL_MARKERS) {
                int at = p.indexOf(marker);
                if (at > 0) candidates.add(path.substring(0, at - 1));
            }
        }
        return new ExchangeLayout(candidates.isEmpty() ? null : candidates.first());
    }

    /** The install path as found ('/'-separated, in the case it was found in), if Exchange was found. */
    public Optional<String> installPath() {
        return Optional.ofNullable(installPath);
    }

    /** The install path in Windows form, for reports. */
    public Optional<String> installPathForDisplay() {
        return installPath().map(p -> "C:\\" + p.replace('/', '\\') + "\\");
    }

    /** The web-shell location a drive path lies in, if any. */
    public Optional<WebShellLocation> webShellLocation(String drivePath) {
        String p = drivePath.toLowerCase(Locale.ROOT);
        if (p.startsWith(ASPNET_CLIENT)) return Optional.of(WebShellLocation.ASPNET_CLIENT);
        if (installKey != null && p.startsWith(installKey + "/frontend/httpproxy/")) {
            String rest = p.substring(installKey.length() + "/frontend/httpproxy/".length());
            if (rest.startsWith("owa/auth/")) return Optional.of(WebShellLocation.OWA_AUTH);
            if (rest.startsWith("ecp/auth/")) return Optional.of(WebShellLocation.ECP_AUTH);
        }
        return Optional.empty();
    }

    /**
     * Whether a file lies where IIS serves content from ({@code inetpub\wwwroot}, the install's
     * {@code FrontEnd\HttpProxy} and {@code ClientAccess}): where web shells live, so its content is examined.
     */
    public boolean isWebContent(String drivePath) {
        String p = drivePath.toLowerCase(Locale.ROOT);
        if (p.startsWith("inetpub/wwwroot/")) return true;
        return installKey != null
                && (p.startsWith(installKey + "/frontend/httpproxy/") || p.startsWith(installKey + "/clientaccess/"));
    }

    /**
     * Whether a file lies where logs are kept (the install's {@code Logging} and {@code TransportRoles\Logs},
     * {@code inetpub\logs}, the Windows event logs), or is an event log wherever it lies.
     */
    public boolean isLogLocation(String drivePath) {
        String p = drivePath.toLowerCase(Locale.ROOT);
        if (p.endsWith(".evtx") || p.startsWith("inetpub/logs/") || p.startsWith("windows/system32/winevt/logs/")) {
            return true;
        }
        return installKey != null
                && (p.startsWith(installKey + "/logging/") || p.startsWith(installKey + "/transportroles/logs/"));
    }

    /**
     * The URL path under which IIS serves a file in a web-shell location ({@code /aspnet_client/x.aspx},
     * {@code /owa/auth/x.aspx}), so that requests to it can be found in the web logs.
     */
    public Optional<String> urlPath(String drivePath) {
        String p = drivePath.replace('\\', '/');
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.startsWith("inetpub/wwwroot/")) return Optional.of(p.substring("inetpub/wwwroot".length()));
        String proxy = installKey == null ? null : installKey + "/frontend/httpproxy/";
        if (proxy != null && lower.startsWith(proxy)) return Optional.of(p.substring(proxy.length() - 1));
        return Optional.empty();
    }

    /**
     * A file's path below the front end's web root ({@code <install>\FrontEnd\HttpProxy\}), '/'-separated, in the
     * case it was found in ({@code owa/auth/logon.aspx}); empty for files elsewhere.
     */
    public Optional<String> frontEndPath(String drivePath) {
        String proxy = installKey == null ? null : installKey + "/frontend/httpproxy/";
        if (proxy == null || !drivePath.toLowerCase(Locale.ROOT).startsWith(proxy)) return Optional.empty();
        return Optional.of(drivePath.substring(proxy.length()));
    }

    private static String normalize(String path) {
        String p = path.replace('\\', '/');
        if (p.length() >= 2 && p.charAt(1) == ':') p = p.substring(2);
        while (p.startsWith("/")) p = p.substring(1);
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }
}
