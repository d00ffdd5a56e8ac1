package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.exhunt.core.Compromise;
import org.exhunt.core.Finding;
import org.exhunt.core.facts.ProductArchive;
import org.exhunt.core.Limits;
import org.exhunt.core.Rows;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.NotKept;
import org.exhunt.core.facts.Suppression;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.hunt.detect.AuthFolderAge;
import org.exhunt.hunt.detect.AuthFolderAudit;
import org.exhunt.hunt.detect.LsassDumpSweep;
import org.exhunt.hunt.detect.StagedArchiveSweep;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.scope.Allowlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled indicator lists and the file rules of a scan, each with the files it must find and the look-alikes it must not. */
class IocHuntTest {

    private static final String PROXY = TestDrive.INSTALL + "FrontEnd/HttpProxy/";
    private static final String HAFNIUM_IP = "167.99.168.251";
    private static final Instant INSTALLED = Instant.parse("2021-01-10T09:00:00Z");

    @TempDir
    Path root;

    private TestDrive drive() {
        return new TestDrive(root);
    }

    @Test
    void lsassDumpsWhereTheIntrudersLeftThemAndNotElsewhere() throws IOException {
        drive().write("root/lsass.dmp", "MDMP")
                .write("Windows/Temp/lsass_1234.DMP", "MDMP")
                .write("ProgramData/lsass.dmp.zip", "PK")
                .write("inetpub/wwwroot/aspnet_client/lsass.dmp.cab", "MSCF")
                .write("inetpub/wwwroot/aspnet_client/1.dmp", "MDMP")               // any dump IIS serves
                .write(PROXY + "owa/auth/m.dmp", "MDMP")
                .write("Windows/Temp/app.dmp", "MDMP")                             // not LSASS, not served
                .write("Users/admin/Desktop/lsass.dmp", "MDMP")                    // not where the tools put it
                .write("Windows/Minidump/lsass.dmp.txt", "notes")                  // not a dump
                .write("ProgramData/lsassnotes.txt", "notes");
        ServerResult r = scan();
        assertThat(paths(r, LsassDumpSweep.RULE)).containsExactlyInAnyOrder(
                "C:\\root\\lsass.dmp", "C:\\Windows\\Temp\\lsass_1234.DMP", "C:\\ProgramData\\lsass.dmp.zip",
                "C:\\inetpub\\wwwroot\\aspnet_client\\lsass.dmp.cab", "C:\\inetpub\\wwwroot\\aspnet_client\\1.dmp",
                "C:\\" + PROXY.replace('/', '\\') + "owa\\auth\\m.dmp");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(LsassDumpSweep.RULE))
                .allSatisfy(f -> assertThat(f.stage()).isEqualTo(Stage.POST_EXPLOITATION));
        assertThat(post(r).compromise()).isEqualTo(Compromise.COMPROMISED);
    }

    @Test
    void archivesInProgramDataAreContextUntilAChainShowsExploitation() throws IOException {
        drive().write("inetpub/wwwroot/iisstart.htm", "<html>")
                .write("ProgramData/it.zip", "PK")
                .write("ProgramData/McAfee/Common/update.ZIP", "PK")
                .write("ProgramData/x.7z", "7z")
                .write("ProgramData/notes.txt", "")
                .write("Users/Public/it.zip", "PK");
        ServerResult quiet = scan();
        assertThat(paths(quiet, StagedArchiveSweep.RULE)).containsExactlyInAnyOrder("C:\\ProgramData\\it.zip",
                "C:\\ProgramData\\McAfee\\Common\\update.ZIP", "C:\\ProgramData\\x.7z");
        assertThat(quiet.findings()).allSatisfy(f -> assertThat(f.stage()).isEqualTo(Stage.CONTEXT));
        assertThat(post(quiet).compromise()).as("Test-ProxyLogon's fix for CSS-Exchange #311").isEqualTo(Compromise.CLEAN);

        iisLog("2021-03-03 02:00:00 10.0.0.5 POST /owa/auth/x.js - 443 - " + HAFNIUM_IP + " python-requests/2.25.1 - 200 0 0 5");
        ServerResult exploited = scan();
        assertThat(row(exploited, Rows.PROXYLOGON).compromise()).isEqualTo(Compromise.ATTEMPTED);
        assertThat(exploited.findings()).filteredOn(f -> f.ruleId().equals(StagedArchiveSweep.RULE)).hasSize(3)
                .allSatisfy(f -> {
                    assertThat(f.stage()).isEqualTo(Stage.POST_EXPLOITATION);
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.evidence("escalated_because")).isEqualTo("exploitation evidence on this server: ProxyLogon");
                });
        assertThat(post(exploited).compromise()).isEqualTo(Compromise.COMPROMISED);
    }

    @Test
    void publishedAttackerAddressesAreAttemptsOfTheirChainInIisAndHttpProxyLogs() throws IOException {
        iisLog("2021-03-03 02:00:00 10.0.0.5 POST /owa/auth/x.js - 443 - " + HAFNIUM_IP + " python-requests/2.25.1 - 200 0 0 5",
                "2021-03-03 02:00:01 10.0.0.5 GET /owa/ - 443 - 167.99.168.25 Mozilla/5.0 - 200 0 0 5",
                "2021-03-03 02:00:02 10.0.0.5 GET /ecp/ - 443 - ::ffff:203.160.69.66 Mozilla/5.0 - 200 0 0 5");
        drive().write(PROXY.replace("FrontEnd/HttpProxy/", "Logging/HttpProxy/Owa/") + "HttpProxy_2021030302-1.LOG", String.join("\n",
                "#Software: Microsoft Exchange Server",
                "#Version: 15.01.2176.002",
                "#Log-type: HttpProxy Logs",
                "#Date: 2021-03-03T02:00:00.000Z",
                "#Fields: DateTime,RequestId,UrlStem,AnchorMailbox,ClientIpAddress,HttpStatus,Method",
                "2021-03-03T02:00:03.000Z,r1,/owa/auth/x.js,,5.254.43.18,200,POST",
                "2021-03-03T02:00:04.000Z,r2,/owa/,,10.20.30.40,200,GET", ""));
        ServerResult r = scan();
        List<Finding> hits = r.findings().stream().filter(f -> f.ruleId().equals("exhunt.ioc.attacker-ips")).toList();
        assertThat(hits).extracting(f -> f.evidence("c-ip") != null ? "c-ip " + f.evidence("c-ip")
                : "ClientIpAddress " + f.evidence("ClientIpAddress")).containsExactlyInAnyOrder(
                "c-ip " + HAFNIUM_IP, "c-ip ::ffff:203.160.69.66", "ClientIpAddress 5.254.43.18");
        assertThat(hits).allSatisfy(f -> {
            assertThat(f.chain()).isEqualTo(Rows.PROXYLOGON);
            assertThat(f.stage()).isEqualTo(Stage.ATTEMPT);
            assertThat(f.time()).isNotNull();
        });
        assertThat(row(r, Rows.PROXYLOGON).compromise()).isEqualTo(Compromise.ATTEMPTED);
        assertThat(row(r, Rows.PROXYLOGON).reason()).contains("3 exploit requests from");
    }

    @Test
    void anAttackerAddressOnEveryLineKeepsTheFirstAndLastRequestsAndCountsTheRest() throws IOException {
        int requests = floodedIisLog();

        ServerResult r = scan();

        List<Finding> hits = r.findings().stream().filter(f -> f.ruleId().equals("exhunt.ioc.attacker-ips")).toList();
        assertThat(hits).hasSize(Limits.FINDINGS_PER_RULE + 1);
        assertThat(hits).extracting(Finding::time).contains(Instant.parse("2021-03-03T00:00:00Z"),
                Instant.parse("2021-03-03T00:00:00Z").plusSeconds(requests - 1));
        assertThat(r.facts().scan().droppedPerRule())
                .containsExactly(new NotKept("exhunt.ioc.attacker-ips", requests - Limits.FINDINGS_PER_RULE - 1));
        assertThat(row(r, Rows.PROXYLOGON).compromise()).isEqualTo(Compromise.ATTEMPTED);
    }

    @Test
    void anAllowlistCountsEveryFindingItSuppressesNotOnlyThoseUnderTheCap() throws IOException {
        int requests = floodedIisLog();
        Allowlist allowlist = Allowlist.parse("allow.txt", "rule:exhunt.ioc.attacker-ips\n", d -> { });
        HuntOptions defaults = HuntOptions.defaults();
        HuntOptions options = new HuntOptions(null, List.of(), defaults.window(), allowlist, defaults.threads(), null,
                defaults.progress());

        ServerResult r = Hunt.with(RulePack.bundled(), options).scan("test", List.of(new DirectorySource(root)));

        assertThat(r.findings()).noneMatch(f -> f.ruleId().equals("exhunt.ioc.attacker-ips"));
        assertThat(r.facts().scan().suppressed()).containsExactly(new Suppression("rule:exhunt.ioc.attacker-ips", requests));
        assertThat(r.facts().scan().droppedPerRule()).isEmpty();
    }

    /** An IIS log of three times the cap's requests, one a second, every one from a published attacker address. */
    private int floodedIisLog() throws IOException {
        int requests = Limits.FINDINGS_PER_RULE * 3;
        String[] lines = new String[requests];
        for (int i = 0; i < requests; i++) {
            lines[i] = String.format(Locale.ROOT, "2021-03-03 %02d:%02d:%02d 10.0.0.5 GET /owa/ - 443 - %s Mozilla/5.0 - 200 0 0 5",
                    i / 3600, i / 60 % 60, i % 60, HAFNIUM_IP);
        }
        iisLog(lines);
        return requests;
    }

    @Test
    void anArchiveInAKnownProductsOwnFolderIsListedUnlessWrittenWhileAChainWasOpen() throws IOException {
        drive().exSetup(15, 1, 2176, 9);
        iisLog("2021-03-03 02:00:00 10.0.0.5 GET /owa/ - 443 - 10.0.0.9 Mozilla/5.0 - 200 0 0 5");
        Instant beforeAnyChain = Instant.parse("2019-06-01T03:00:00Z");  // CVE-2020-0688, the first, from 2020-02-25
        write("ProgramData/Veeam/Backup/Reports/2019-06.zip", beforeAnyChain);
        write("ProgramData/mcafee/COMMON FRAMEWORK/Update.zip", Instant.parse("2021-03-02T22:00:00Z")); // ProxyLogon open
        write("ProgramData/Veeam/staged.zip", beforeAnyChain);             // the vendor's folder, not the product's tree
        write("ProgramData/it.zip", beforeAnyChain);                        // the top of ProgramData: always
        ServerResult r = scan();
        assertThat(paths(r, StagedArchiveSweep.RULE)).containsExactlyInAnyOrder("C:\\ProgramData\\mcafee\\COMMON FRAMEWORK\\Update.zip",
                "C:\\ProgramData\\Veeam\\staged.zip", "C:\\ProgramData\\it.zip");
        Finding inWindow = r.findings().stream().filter(f -> f.evidence("path").endsWith("Update.zip")).findFirst().orElseThrow();
        assertThat(inWindow.evidence("product_folder")).isEqualTo("McAfee (Trellix) Agent");
        assertThat(inWindow.evidence("written")).startsWith("within the exposure window of ").contains(Rows.PROXYLOGON);
        assertThat(r.facts().scan().examined().productArchives()).containsExactly(new ProductArchive(
                "C:\\ProgramData\\Veeam\\Backup\\Reports\\2019-06.zip", "Veeam Backup & Replication", beforeAnyChain));
    }

    @Test
    void aShellNameIsAWebShellInAWebShellLocationAndContextElsewhere() throws IOException {
        drive().write("inetpub/wwwroot/aspnet_client/system_web/help.aspx", "<%@ Page %>")
                .write("inetpub/wwwroot/help.aspx", "<%@ Page %>")
                .write("inetpub/wwwroot/aspnet_client/helpdesk.aspx.txt", "x")
                .write("Users/dev/project/help.aspx", "<%@ Page %>");
        ServerResult r = scan();
        List<Finding> names = r.findings().stream().filter(f -> f.ruleId().equals("exhunt.ioc.webshell-names")).toList();
        assertThat(names).extracting(f -> f.evidence("path") + " " + f.stage()).containsExactlyInAnyOrder(
                "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\help.aspx POST_EXPLOITATION",
                "C:\\inetpub\\wwwroot\\help.aspx CONTEXT",
                "C:\\Users\\dev\\project\\help.aspx CONTEXT");
        assertThat(names.get(0).tags()).contains("campaign.hafnium");
        assertThat(names).filteredOn(f -> f.evidence("url") != null).extracting(f -> f.evidence("url"))
                .containsExactlyInAnyOrder("/aspnet_client/system_web/help.aspx", "/help.aspx");
    }

    @Test
    void publishedToolPathsAreFoundAnywhereOnTheDrive() throws IOException {
        drive().write("Windows/Temp/cw.exe", "MZ").write("ProgramData/VSPerfMon/a/b.exe", "MZ")
                .write("Windows/Temp/cw.exe.log", "x").write("ProgramData/VSPerfMonitor/b.exe", "MZ");
        ServerResult r = scan();
        assertThat(paths(r, "exhunt.ioc.suspicious-paths")).containsExactlyInAnyOrder(
                "C:\\Windows\\Temp\\cw.exe", "C:\\ProgramData\\VSPerfMon\\a\\b.exe");
        assertThat(post(r).compromise()).isEqualTo(Compromise.COMPROMISED);
    }

    @Test
    void theAuthFoldersHoldOnlyTheirStandardFiles() throws IOException {
        drive().write(PROXY + "owa/auth/logon.aspx", "x")
                .write(PROXY + "owa/auth/LOGOFF.ASPX", "x")
                .write(PROXY + "owa/auth/GetIdToken.htm", "x")
                .write(PROXY + "owa/auth/15.1.2176/scripts/premium/flogon.js", "x")
                .write(PROXY + "owa/auth/Current/themes/resources/logon.css", "x")
                .write(PROXY + "ecp/auth/TimeoutLogout.aspx", "x")
                .write(PROXY + "ecp/auth/TimeoutLogoff.aspx", "x")
                // not standard:
                .write(PROXY + "owa/auth/getidtokens.aspx", "x")
                .write(PROXY + "owa/auth/Current/themes/resources/a.aspx", "x")
                .write(PROXY + "owa/auth/15.1.2176/b.ashx", "x")
                .write(PROXY + "owa/auth/readme.txt", "x")
                .write(PROXY + "ecp/auth/c.aspx", "x")
                .write(PROXY + "ecp/auth/sub/notes.txt", "x");
        ServerResult r = scan();
        String auth = "C:\\" + PROXY.replace('/', '\\');
        assertThat(paths(r, AuthFolderAudit.RULE_SCRIPT)).containsExactlyInAnyOrder(auth + "owa\\auth\\getidtokens.aspx",
                auth + "owa\\auth\\Current\\themes\\resources\\a.aspx", auth + "owa\\auth\\15.1.2176\\b.ashx",
                auth + "ecp\\auth\\c.aspx");
        assertThat(paths(r, AuthFolderAudit.RULE_FILE)).containsExactlyInAnyOrder(auth + "owa\\auth\\readme.txt",
                auth + "ecp\\auth\\sub\\notes.txt");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(AuthFolderAudit.RULE_SCRIPT))
                .allSatisfy(f -> assertThat(f.evidence("sha256")).hasSize(64));
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(AuthFolderAudit.RULE_FILE))
                .allSatisfy(f -> assertThat(f.stage()).isEqualTo(Stage.CONTEXT));
    }

    @Test
    void aFileMuchNewerThanItsAuthFolderIsContext() throws IOException {
        for (String name : List.of("logon.aspx", "logoff.aspx", "frowny.aspx", "errorFE.aspx")) {
            write(PROXY + "owa/auth/" + name, INSTALLED);
        }
        write(PROXY + "owa/auth/signout.aspx", INSTALLED.plus(Duration.ofDays(20)));          // an update weeks later
        write(PROXY + "owa/auth/RedirSuiteServiceProxy.aspx", INSTALLED.plus(Duration.ofDays(60))); // rewritten
        write(PROXY + "ecp/auth/TimeoutLogout.aspx", INSTALLED.plus(Duration.ofDays(400)));   // alone: no median
        ServerResult r = scan();
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(AuthFolderAge.RULE)).singleElement().satisfies(f -> {
            assertThat(f.evidence("path")).endsWith("owa\\auth\\RedirSuiteServiceProxy.aspx");
            assertThat(f.evidence("days_after_median")).isEqualTo("60");
            assertThat(f.evidence("folder_median")).isEqualTo(INSTALLED.toString());
            assertThat(f.evidence("url")).isEqualTo("/owa/auth/RedirSuiteServiceProxy.aspx");
            assertThat(f.stage()).isEqualTo(Stage.CONTEXT);
        });
        assertThat(post(r).compromise()).isEqualTo(Compromise.CLEAN);
    }

    @Test
    void aUserDigestWithASizeFindsTheFileAnywhereOneWithoutOnlyInTheWebFolders() throws Exception {
        String tool = "certutil-downloaded tool";
        drive().write("PerfLogs/t", tool).write("PerfLogs/same-size-other", "x".repeat(tool.length()))
                .write("Users/Public/t.copy", tool)
                .write("inetpub/wwwroot/aspnet_client/t.txt", tool)
                .write("PerfLogs/t2", "second tool").write("inetpub/wwwroot/aspnet_client/t2.txt", "second tool");
        String sha = HuntTest.sha256(tool);
        Path bundle = Files.writeString(root.resolveSibling(root.getFileName() + "-iocs.json"), """
                {"type": "bundle", "objects": [
                 {"type": "indicator", "id": "indicator--sized", "name": "downloaded tool",
                  "pattern": "[file:hashes.'SHA-256' = '%s' AND file:size = %d]"}]}""".formatted(sha, tool.length()));
        Path list = Files.writeString(root.resolveSibling(root.getFileName() + "-iocs.csv"), "sha256,name\n" + HuntTest.sha256("second tool") + ",tool\n");

        ServerResult r = Hunt.with(RulePack.bundled(), new UserRules(List.of(), List.of(), List.of(bundle, list)), HuntOptions.defaults())
                .scan("test", List.of(new DirectorySource(root)));

        assertThat(paths(r, "indicator--sized")).containsExactlyInAnyOrder("C:\\PerfLogs\\t",
                "C:\\Users\\Public\\t.copy", "C:\\inetpub\\wwwroot\\aspnet_client\\t.txt");
        assertThat(paths(r, "exhunt.ioc.user." + root.getFileName().toString().toLowerCase() + "-iocs"))
                .containsExactly("C:\\inetpub\\wwwroot\\aspnet_client\\t2.txt");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("indicator--sized")).extracting(Finding::title)
                .containsOnly("Known file: downloaded tool", "Known web shell: downloaded tool");
        assertThat(r.facts().scan().indicators().userDigestsWithoutSize()).isEqualTo(1);
        assertThat(r.facts().scan().indicators().userFiles()).isEqualTo(2);
    }

    private void write(String path, Instant modified) throws IOException {
        drive().write(path, "x");
        Files.setLastModifiedTime(root.resolve(path), FileTime.from(modified));
    }

    private void iisLog(String... lines) throws IOException {
        drive().iisLog(lines);
    }

    private ServerResult scan() {
        drive();
        return Hunt.with(RulePack.bundled(), HuntOptions.defaults()).scan("test", List.of(new DirectorySource(root)));
    }

    private static List<String> paths(ServerResult r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule)).map(f -> f.evidence("path")).toList();
    }

    private static Verdict post(ServerResult r) {
        return row(r, Rows.POST_EXPLOITATION);
    }

    private static Verdict row(ServerResult r, String name) {
        return r.verdicts().stream().filter(v -> v.row().equals(name)).findFirst().orElseThrow();
    }
}
