package org.exhunt.bench.hunt;

import static org.exhunt.bench.hunt.FileKind.*;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.exhunt.testkit.pe.PeImage;

/**
 * The files of the image that are not logs: the Exchange 2016 CU19 install (its web folders, {@code FrontEnd\HttpProxy}
 * and {@code ClientAccess}, with generated content: exhunt reads them), with the OWA files CU18 left behind, and the
 * rest of the drive (the install's {@code Bin}, {@code Setup}, ..., {@code Windows}, other programs) as sparse files of
 * realistic sizes: exhunt only lists those, and sparse files cost no disk.
 */
final class InstallTree {

    static final String INSTALL = Intrusion.INSTALL;
    static final String BUILD = "15.1.2176.2";      // Exchange 2016 CU19, before the March 2021 security update
    static final String OLD_BUILD = "15.1.2106.2";  // CU18: its OWA version folders stay after the update
    private static final Instant INSTALLED = Instant.parse("2020-12-18T09:41:00Z");
    private static final Instant OLD_INSTALLED = Instant.parse("2020-09-29T10:12:00Z");
    private static final Instant WINDOWS_INSTALLED = Instant.parse("2020-06-11T14:03:00Z");

    private static final String[] LOCALES = {"ar", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "eu", "fi", "fr",
        "gl", "he", "hi", "hr", "hu", "id", "it", "ja", "kk", "ko", "lt", "lv", "ms", "nb-no", "nl", "pl", "pt-br", "pt-pt",
        "ro", "ru", "sk", "sl", "sr", "sv", "th", "tr", "uk", "vi", "zh-cn", "zh-tw"};
    private static final String[] ECP_AREAS = {"Organize", "Customize", "UsersGroups", "RulesEditor", "Reporting",
        "PersonalSettings", "MyBaseOptions", "SMS", "Security", "Extension", "TroubleShooting", "OrgSettings", "Sharing",
        "Mobile", "Calendar", "Fields", "DDI", "ManagementRoles", "MessageTrace", "Migration"};
    private static final String[] FEATURES = {"mail", "calendar", "people", "tasks", "options", "compose", "search",
        "notifications", "attachments", "groups", "reminders", "readingpane", "boot", "framework", "sharing"};

    /**
     * A part of the drive: its folder, the sub-folders its files spread over, its share of the image's files, the
     * kinds of files with their weights, and whether exhunt reads its files (web content) or only lists them.
     */
    record Area(String folder, String[] subfolders, double share, List<FileKind> kinds, int[] weights, boolean web,
                Instant modified) {}

    static final List<Area> AREAS = List.of(
            owaPrem(BUILD, 0.12, INSTALLED), owaPrem(OLD_BUILD, 0.10, OLD_INSTALLED),
            web("ClientAccess/ecp/" + BUILD, new String[] {"scripts", "themes/resources", "themes/default"}, 0.03,
                    List.of(JS, CSS, PNG, GIF), new int[] {40, 15, 30, 15}),
            web("ClientAccess/ecp", ECP_AREAS, 0.02, List.of(ASPX, ASCX, SVC, CONFIG, JS), new int[] {50, 25, 5, 5, 15}),
            web("ClientAccess", new String[] {"Owa/bin", "ecp/bin", "Sync/bin", "Autodiscover/bin", "exchweb/ews/bin",
                "PowerShell/bin", "OAB/bin", "mapi/emsmdb/bin", "PushNotifications/bin"}, 0.006, List.of(DLL, CONFIG), new int[] {90, 10}),
            web("ClientAccess", new String[] {"Autodiscover", "Sync", "exchweb/ews", "PowerShell", "PowerShell-Proxy", "OAB",
                "mapi/emsmdb", "mapi/nspi", "RpcProxy", "PushNotifications", "SharedWebConfig", "Owa/Auth"}, 0.01,
                    List.of(CONFIG, SVC, ASPX, XML), new int[] {30, 20, 20, 30}),
            web("FrontEnd/HttpProxy/owa/auth/15.1.2176", new String[] {"themes/resources", "scripts", "themes/base"}, 0.02,
                    List.of(PNG, GIF, CSS, JS), new int[] {40, 30, 15, 15}),
            web("FrontEnd/HttpProxy/owa/auth/15.1.2106", new String[] {"themes/resources", "scripts"}, 0.01,
                    List.of(PNG, GIF, CSS, JS), new int[] {40, 30, 15, 15}),
            web("FrontEnd/HttpProxy", new String[] {"owa", "ecp", "ews", "mapi", "oab", "rpc", "sync", "autodiscover",
                "powershell", "pushnotifications", "owa/bin", "ecp/bin", "bin"}, 0.005, List.of(CONFIG, DLL, XML), new int[] {50, 20, 30}),
            listed(INSTALL + "Bin", new String[] {"", "Search/Ceres/Runtime/1.0", "Search/Ceres/ParserServer", "Monitoring/Config",
                "CmdletExtensionAgents", "en", "de", "fr", "ja"}, 0.10, List.of(DLL, EXE, CONFIG, XML, MUI),
                    new int[] {70, 8, 10, 7, 5}, INSTALLED),
            listed(INSTALL.substring(0, INSTALL.length() - 1), new String[] {"Setup/Data", "Setup/Perf",
                "Setup/ServerRoles/Common", "Scripts", "TransportRoles/agents/Hygiene",
                "TransportRoles/Shared", "Mailbox/MDBTemplates", "UnifiedMessaging/grammars", "UnifiedMessaging/Prompts/en",
                "FIP-FS/Data/Engines/amd64", "Working/OleConverter"},
                    0.10, List.of(XML, PS1, DLL, DAT, MUI, CONFIG), new int[] {25, 15, 25, 15, 10, 10}, INSTALLED),
            listed("Windows/System32", new String[] {"", "en-US", "drivers", "wbem", "WindowsPowerShell/v1.0/Modules/NetTCPIP",
                "inetsrv", "inetsrv/en-US", "catroot/{F750E6C3-38EE-11D1-85E5-00C04FC295EE}", "DriverStore/FileRepository",
                "migwiz", "spool/drivers/x64/3"}, 0.30, List.of(DLL, EXE, MUI, DAT, XML), new int[] {55, 10, 25, 5, 5}, WINDOWS_INSTALLED),
            listed("Windows/WinSxS", new String[] {"amd64_microsoft-windows-a", "amd64_microsoft-windows-b", "amd64_microsoft-windows-c",
                "amd64_netfx4-system.web", "wow64_microsoft-windows-d", "Manifests", "msil_system.web.services"}, 0.12,
                    List.of(DLL, MUI, XML), new int[] {70, 20, 10}, WINDOWS_INSTALLED),
            listed("Windows/Microsoft.NET", new String[] {"Framework64/v4.0.30319", "Framework64/v4.0.30319/Config",
                "assembly/GAC_MSIL", "assembly/GAC_64", "Framework/v4.0.30319"}, 0.05, List.of(DLL, CONFIG, XML), new int[] {80, 10, 10},
                    WINDOWS_INSTALLED),
            listed("Program Files", new String[] {"Windows Defender", "Microsoft UCMA 4.0/Runtime", "Common Files/microsoft shared/ink",
                "Windows Defender/Platform/4.18.2011.6-0", "IIS/Microsoft Web Deploy V3"}, 0.04,
                    List.of(DLL, EXE, MUI, XML), new int[] {60, 15, 15, 10}, WINDOWS_INSTALLED),
            listed("ProgramData", new String[] {"Microsoft/Windows Defender/Definition Updates", "Microsoft/Crypto/RSA/MachineKeys",
                "Microsoft/Windows/WER/ReportArchive", "Microsoft/Exchange Server/V15"}, 0.006, List.of(DAT, XML), new int[] {60, 40},
                    WINDOWS_INSTALLED));

    private InstallTree() {}

    private static Area owaPrem(String build, double share, Instant modified) {
        String[] sub = new String[LOCALES.length + FEATURES.length + 3];
        for (int i = 0; i < LOCALES.length; i++) sub[i] = "scripts/" + LOCALES[i];
        for (int i = 0; i < FEATURES.length; i++) sub[LOCALES.length + i] = "scripts/" + FEATURES[i];
        sub[sub.length - 3] = "resources/images/0";
        sub[sub.length - 2] = "resources/styles/0";
        sub[sub.length - 1] = "resources/fonts";
        return new Area(INSTALL + "ClientAccess/Owa/prem/" + build, sub, share,
                List.of(JS, PNG, GIF, SVG, CSS, JSON, WOFF, HTM), new int[] {40, 25, 8, 8, 8, 6, 2, 3}, true, modified);
    }

    private static Area web(String folder, String[] subfolders, double share, List<FileKind> kinds, int[] weights) {
        return new Area(INSTALL + folder, subfolders, share, kinds, weights, true, INSTALLED);
    }

    private static Area listed(String folder, String[] subfolders, double share, List<FileKind> kinds, int[] weights,
                               Instant modified) {
        return new Area(folder, subfolders, share, kinds, weights, false, modified);
    }

    /** Writes {@code files} files spread over the areas by their shares, plus the files every install has. */
    static void write(Path drive, int files, ImageTally tally) throws IOException {
        standardFiles(drive, tally);
        double shares = AREAS.stream().mapToDouble(Area::share).sum();
        SplittableRandom seeds = new SplittableRandom(50_000);
        for (Area area : AREAS) {
            int n = (int) Math.round(files * area.share() / shares);
            SplittableRandom r = seeds.split();
            for (int i = 0; i < n; i++) {
                FileKind kind = pick(area, r);
                String sub = area.subfolders()[r.nextInt(area.subfolders().length)];
                String path = area.folder() + (sub.isEmpty() ? "" : "/" + sub) + "/" + name(r, i) + kind.extension;
                long size = kind.drawSize(r);
                if (area.web()) {
                    write(drive, path, WebContent.of(kind, (int) size, r), area.modified());
                    tally.web(size);
                } else {
                    sparse(drive, path, size, area.modified());
                    tally.listed(size);
                }
            }
        }
    }

    /** How many files {@link #standardFiles} writes. */
    static final int STANDARD_FILES = 13;

    /** Files named in the baselines and the version checks: ExSetup.exe, the auth folders' pages, IIS's start page. */
    private static void standardFiles(Path drive, ImageTally tally) throws IOException {
        byte[] exSetup = PeImage.exSetup(BUILD).bytes();
        write(drive, INSTALL + "Bin/ExSetup.exe", exSetup, INSTALLED);
        tally.listed(exSetup.length);
        SplittableRandom r = new SplittableRandom(7);
        for (String page : List.of("errorFE.aspx", "expiredpassword.aspx", "frowny.aspx", "GetIdToken.htm", "logoff.aspx",
                "logon.aspx", "OutlookCN.aspx", "RedirSuiteServiceProxy.aspx", "signout.aspx")) {
            byte[] content = WebContent.of(page.endsWith(".htm") ? HTM : ASPX, 2_000 + r.nextInt(12_000), r);
            write(drive, INSTALL + "FrontEnd/HttpProxy/owa/auth/" + page, content, INSTALLED);
            tally.web(content.length);
        }
        byte[] timeout = WebContent.of(ASPX, 1_800, r);
        write(drive, INSTALL + "FrontEnd/HttpProxy/ecp/auth/TimeoutLogoff.aspx", timeout, INSTALLED);
        tally.web(timeout.length);
        for (String file : List.of("iisstart.htm", "iisstart.png")) {
            byte[] content = WebContent.of(file.endsWith(".htm") ? HTM : PNG, 700 + r.nextInt(98_000), r);
            write(drive, "inetpub/wwwroot/" + file, content, WINDOWS_INSTALLED);
            tally.web(content.length);
        }
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

    static void write(Path drive, String path, byte[] content, Instant modified) throws IOException {
        Path file = drive.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** A file of {@code size} bytes that takes no disk space (zeros the file system does not store). */
    static void sparse(Path drive, String path, long size, Instant modified) throws IOException {
        sparse(drive, path, new byte[0], size, modified);
    }

    /** A file of {@code size} bytes starting with {@code head}, then zeros the file system does not store. */
    static void sparse(Path drive, String path, byte[] head, long size, Instant modified) throws IOException {
        Path file = drive.resolve(path);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(head);
            f.setLength(size);
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
