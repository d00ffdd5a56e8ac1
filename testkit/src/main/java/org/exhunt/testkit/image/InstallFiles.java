package org.exhunt.testkit.image;

import static org.exhunt.testkit.image.FileKind.*;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The files a large image has besides logs and the few of {@link ServerFiles}: the Exchange install's web folders
 * ({@code FrontEnd\HttpProxy} and {@code ClientAccess}, with generated content: a scan reads them), the OWA files
 * of the CU the server was upgraded from, Exchange's other pages of the {@code auth} folders, and the rest of the
 * drive (the install's {@code Bin}, {@code Setup}, ..., {@code Windows}, other programs) as sparse files of
 * realistic sizes: a scan only lists those, and sparse files cost no disk ({@link Scenario#filesInAll()}).
 */
final class InstallFiles {

    private static final String INSTALL = Layout.INSTALL + "/";
    /** Exchange's own pages of the OWA and ECP auth folders that {@link ServerFiles} leaves out. */
    private static final List<String> AUTH_PAGES = List.of("owa/auth/expiredpassword.aspx", "owa/auth/frowny.aspx",
            "owa/auth/GetIdToken.htm", "owa/auth/logoff.aspx", "owa/auth/OutlookCN.aspx",
            "owa/auth/RedirSuiteServiceProxy.aspx", "owa/auth/signout.aspx");

    private static final String[] LOCALES = {"ar", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "eu", "fi", "fr",
        "gl", "he", "hi", "hr", "hu", "id", "it", "ja", "kk", "ko", "lt", "lv", "ms", "nb-no", "nl", "pl", "pt-br", "pt-pt",
        "ro", "ru", "sk", "sl", "sr", "sv", "th", "tr", "uk", "vi", "zh-cn", "zh-tw"};
    private static final String[] ECP_AREAS = {"Organize", "Customize", "UsersGroups", "RulesEditor", "Reporting",
        "PersonalSettings", "MyBaseOptions", "SMS", "Security", "Extension", "TroubleShooting", "OrgSettings", "Sharing",
        "Mobile", "Calendar", "Fields", "DDI", "ManagementRoles", "MessageTrace", "Migration"};
    private static final String[] FEATURES = {"mail", "calendar", "people", "tasks", "options", "compose", "search",
        "notifications", "attachments", "groups", "reminders", "readingpane", "boot", "framework", "sharing"};

    /**
     * A part of the drive: its folder, the sub-folders its files spread over, its share of the files, the kinds of
     * files with their weights, and whether a scan reads its files (web content) or only lists them.
     */
    private record Area(String folder, String[] subfolders, double share, List<FileKind> kinds, int[] weights, boolean web) {}

    private InstallFiles() {}

    /** Writes about {@code n} files spread over the parts of the drive by their shares, plus the other auth pages. */
    static void write(Path drive, Scenario s, int n) throws IOException {
        SplittableRandom r = new SplittableRandom(s.seed());
        for (String page : AUTH_PAGES) {
            put(drive, INSTALL + "FrontEnd/HttpProxy/" + page, StockPages.page(page.substring(page.lastIndexOf('/') + 1)));
        }
        put(drive, "inetpub/wwwroot/iisstart.png", WebContent.of(PNG, 700 + r.nextInt(98_000), r));
        int files = n - AUTH_PAGES.size() - 1;
        List<Area> areas = areas(s);
        double shares = areas.stream().mapToDouble(Area::share).sum();
        for (Area area : areas) {
            SplittableRandom a = r.split();
            int count = (int) Math.round(files * area.share() / shares);
            for (int i = 0; i < count; i++) {
                FileKind kind = pick(area, a);
                String sub = area.subfolders()[a.nextInt(area.subfolders().length)];
                String path = area.folder() + (sub.isEmpty() ? "" : "/" + sub) + "/" + name(a, i) + kind.extension;
                long size = kind.drawSize(a);
                if (area.web()) put(drive, path, WebContent.of(kind, (int) size, a));
                else sparse(drive, path, size);
            }
        }
    }

    /** How many files {@link #write} writes besides the {@code n} it spreads. */
    static int fixedFiles() {
        return AUTH_PAGES.size() + 1;
    }

    /** The parts of the drive: OWA's version folders of the build now and of the oldest build before, if another CU. */
    private static List<Area> areas(Scenario s) {
        String build = s.build();
        String old = s.earlierBuilds().isEmpty() ? null : s.earlierBuilds().get(0).build();
        if (old != null && ServerFiles.cu(old).equals(ServerFiles.cu(build))) old = null;
        List<Area> areas = new ArrayList<>();
        areas.add(owaPrem(build, 0.12));
        if (old != null) areas.add(owaPrem(old, 0.10));
        areas.add(web("ClientAccess/ecp/" + build, new String[] {"scripts", "themes/resources", "themes/default"}, 0.03,
                List.of(JS, CSS, PNG, GIF), new int[] {40, 15, 30, 15}));
        areas.add(web("ClientAccess/ecp", ECP_AREAS, 0.02, List.of(ASPX, ASCX, SVC, CONFIG, JS), new int[] {50, 25, 5, 5, 15}));
        areas.add(web("ClientAccess", new String[] {"Owa/bin", "ecp/bin", "Sync/bin", "Autodiscover/bin", "exchweb/ews/bin",
            "PowerShell/bin", "OAB/bin", "mapi/emsmdb/bin", "PushNotifications/bin"}, 0.006, List.of(DLL, CONFIG), new int[] {90, 10}));
        areas.add(web("ClientAccess", new String[] {"Autodiscover", "Sync", "exchweb/ews", "PowerShell", "PowerShell-Proxy", "OAB",
            "mapi/emsmdb", "mapi/nspi", "RpcProxy", "PushNotifications", "SharedWebConfig", "Owa/Auth"}, 0.01,
                List.of(CONFIG, SVC, ASPX, XML), new int[] {30, 20, 20, 30}));
        areas.add(web("FrontEnd/HttpProxy/owa/auth/" + ServerFiles.cu(build), new String[] {"themes/resources", "scripts",
            "themes/base"}, 0.02, List.of(PNG, GIF, CSS, JS), new int[] {40, 30, 15, 15}));
        if (old != null) {
            areas.add(web("FrontEnd/HttpProxy/owa/auth/" + ServerFiles.cu(old), new String[] {"themes/resources", "scripts"},
                    0.01, List.of(PNG, GIF, CSS, JS), new int[] {40, 30, 15, 15}));
        }
        areas.add(web("FrontEnd/HttpProxy", new String[] {"owa", "ecp", "ews", "mapi", "oab", "rpc", "sync", "autodiscover",
            "powershell", "pushnotifications", "owa/bin", "ecp/bin", "bin"}, 0.005, List.of(CONFIG, DLL, XML), new int[] {50, 20, 30}));
        areas.add(listed(INSTALL + "Bin", new String[] {"", "Search/Ceres/Runtime/1.0", "Search/Ceres/ParserServer",
            "Monitoring/Config", "CmdletExtensionAgents", "en", "de", "fr", "ja"}, 0.10, List.of(DLL, EXE, CONFIG, XML, MUI),
                new int[] {70, 8, 10, 7, 5}));
        areas.add(listed(Layout.INSTALL, new String[] {"Setup/Data", "Setup/Perf", "Setup/ServerRoles/Common", "Scripts",
            "TransportRoles/agents/Hygiene", "TransportRoles/Shared", "Mailbox/MDBTemplates", "UnifiedMessaging/grammars",
            "UnifiedMessaging/Prompts/en", "FIP-FS/Data/Engines/amd64", "Working/OleConverter"}, 0.10,
                List.of(XML, PS1, DLL, DAT, MUI, CONFIG), new int[] {25, 15, 25, 15, 10, 10}));
        areas.add(listed("Windows/System32", new String[] {"", "en-US", "drivers", "wbem",
            "WindowsPowerShell/v1.0/Modules/NetTCPIP", "inetsrv", "inetsrv/en-US",
            "catroot/{F750E6C3-38EE-11D1-85E5-00C04FC295EE}", "DriverStore/FileRepository", "migwiz", "spool/drivers/x64/3"},
                0.30, List.of(DLL, EXE, MUI, DAT, XML), new int[] {55, 10, 25, 5, 5}));
        areas.add(listed("Windows/WinSxS", new String[] {"amd64_microsoft-windows-a", "amd64_microsoft-windows-b",
            "amd64_microsoft-windows-c", "amd64_netfx4-system.web", "wow64_microsoft-windows-d", "Manifests",
            "msil_system.web.services"}, 0.12, List.of(DLL, MUI, XML), new int[] {70, 20, 10}));
        areas.add(listed("Windows/Microsoft.NET", new String[] {"Framework64/v4.0.30319", "Framework64/v4.0.30319/Config",
            "assembly/GAC_MSIL", "assembly/GAC_64", "Framework/v4.0.30319"}, 0.05, List.of(DLL, CONFIG, XML),
                new int[] {80, 10, 10}));
        areas.add(listed("Program Files", new String[] {"Windows Defender", "Microsoft UCMA 4.0/Runtime",
            "Common Files/microsoft shared/ink", "Windows Defender/Platform/4.18.2011.6-0", "IIS/Microsoft Web Deploy V3"}, 0.04,
                List.of(DLL, EXE, MUI, XML), new int[] {60, 15, 15, 10}));
        areas.add(listed("ProgramData", new String[] {"Microsoft/Windows Defender/Definition Updates",
            "Microsoft/Crypto/RSA/MachineKeys", "Microsoft/Windows/WER/ReportArchive", "Microsoft/Exchange Server/V15"}, 0.006,
                List.of(DAT, XML), new int[] {60, 40}));
        return areas;
    }

    private static Area owaPrem(String build, double share) {
        String[] sub = new String[LOCALES.length + FEATURES.length + 3];
        for (int i = 0; i < LOCALES.length; i++) sub[i] = "scripts/" + LOCALES[i];
        for (int i = 0; i < FEATURES.length; i++) sub[LOCALES.length + i] = "scripts/" + FEATURES[i];
        sub[sub.length - 3] = "resources/images/0";
        sub[sub.length - 2] = "resources/styles/0";
        sub[sub.length - 1] = "resources/fonts";
        return new Area(INSTALL + "ClientAccess/Owa/prem/" + build, sub, share,
                List.of(JS, PNG, GIF, SVG, CSS, JSON, WOFF, HTM), new int[] {40, 25, 8, 8, 8, 6, 2, 3}, true);
    }

    private static Area web(String folder, String[] subfolders, double share, List<FileKind> kinds, int[] weights) {
        return new Area(INSTALL + folder, subfolders, share, kinds, weights, true);
    }

    private static Area listed(String folder, String[] subfolders, double share, List<FileKind> kinds, int[] weights) {
        return new Area(folder, subfolders, share, kinds, weights, false);
    }

    private static FileKind pick(Area area, SplittableRandom r) {
        int total = 0;
        for (int w : area.weights()) total += w;
        int x = r.nextInt(total);
        for (int i = 0; i < area.weights().length; i++) {
            x -= area.weights()[i];
            if (x < 0) return area.kinds().get(i);
        }
        throw new IllegalStateException("weights");
    }

    /** A file name like the ones Exchange ships: words in CamelCase, with a number to keep names apart. */
    private static String name(SplittableRandom r, int i) {
        String[] parts = {"Microsoft", "Exchange", "Owa", "Data", "Common", "Service", "Client", "Mailbox", "Transport",
            "Search", "Directory", "Storage", "Core", "Controls", "Resources", "Strings", "Boot", "Diagnostics"};
        return parts[r.nextInt(parts.length)] + "." + parts[r.nextInt(parts.length)] + i;
    }

    private static void put(Path drive, String path, byte[] content) throws IOException {
        Path file = drive.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** A file of {@code size} bytes starting with {@code head}, then zeros the file system does not store. */
    static void sparse(Path drive, String path, byte[] head, long size) throws IOException {
        Path file = drive.resolve(path);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(head);
            f.setLength(size);
        }
    }

    private static void sparse(Path drive, String path, long size) throws IOException {
        sparse(drive, path, new byte[0], size);
    }
}
