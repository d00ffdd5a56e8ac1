package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.evidence.FileOpener;
import org.exhunt.hunt.detect.PageCodeAudit;
import org.exhunt.hunt.detect.WebShellSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntTest {

    private static final String INSTALL = "Program Files/Microsoft/Exchange Server/V15/";
    private static final String TEST_HASH_RULE = "exhunt.ioc.test-sha256";
    private static final String SHELL = "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"t\"],\"unsafe\");%>";

    @TempDir
    Path drive;

    @Test
    void aScriptInAspnetClientIsAWebShellAndItsHashIsMatched() throws Exception {
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/logon.aspx", "logon");
        write("inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx", SHELL);

        ServerResult r = scan(huntKnowing(sha256(SHELL)), new DirectorySource(drive));

        assertThat(r.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                TEST_HASH_RULE, WebShellSweep.RULE_MISPLACED_SCRIPT, PageCodeAudit.RULE);
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.evidence("path")).isEqualTo("C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\errorEE.aspx");
            assertThat(f.evidence("sha256")).isEqualTo(sha256(SHELL));
            assertThat(f.time()).isNotNull();
        });
        assertThat(postExploitation(r).compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(postExploitation(r).reason()).contains("errorEE.aspx");
        assertThat(r.isIncomplete()).isFalse();
    }

    @Test
    void exchangeScriptsInOwaAuthAreNotSuspectByNameButAreByTheirCodeAndHash() throws Exception {
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/logoff.aspx", "logoff");
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/Current/themes/resources/logon.css", "body{}");
        // a standard page rewritten into a shell, as GTSC saw with RedirSuiteServiceProxy.aspx
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/logon.aspx", SHELL);

        ServerResult unknown = scan(huntKnowing(sha256("something else")), new DirectorySource(drive));
        assertThat(unknown.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(PageCodeAudit.RULE);
            assertThat(f.evidence("path")).endsWith("\\owa\\auth\\logon.aspx");
        });
        assertThat(postExploitation(unknown).compromise()).isEqualTo(Compromise.COMPROMISED);

        ServerResult hit = scan(huntKnowing(sha256(SHELL)), new DirectorySource(drive));
        assertThat(hit.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder(TEST_HASH_RULE, PageCodeAudit.RULE);
        assertThat(hit.findings()).filteredOn(f -> f.ruleId().equals(TEST_HASH_RULE)).singleElement()
                .satisfies(f -> assertThat(f.title()).isEqualTo("Known web shell: test shell (TEST)"));
    }

    @Test
    void standardPagesByNameAndStockByContentAreClean() throws Exception {
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/logoff.aspx", "logoff");
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/Current/themes/resources/logon.css", "body{}");
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/logon.aspx", "<%@ Page language=\"c#\" Inherits=\"Microsoft.Exchange.HttpProxy.Logon\" %>");

        ServerResult clean = scan(huntKnowing(sha256("something else")), new DirectorySource(drive));
        assertThat(clean.findings()).isEmpty();
        assertThat(postExploitation(clean).compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(postExploitation(clean).reason()).contains("3 files");
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndTheScanGoesOn() throws Exception {
        write("inetpub/wwwroot/aspnet_client/locked.aspx", "x");
        write("inetpub/wwwroot/aspnet_client/shell.aspx", SHELL);
        FileOpener failing = file -> {
            if (file.getFileName().toString().equals("locked.aspx")) throw new AccessDeniedException(file.toString());
            return FileOpener.READ_ONLY.open(file);
        };

        ServerResult r = scan(huntKnowing(sha256("x")), new DirectorySource(drive, failing));

        assertThat(r.isIncomplete()).isTrue();
        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("read.failed");
            assertThat(d.where().file()).endsWith("locked.aspx");
        });
        // the file that could not be read is still a script where none belongs (issue 20, item 2)
        assertThat(r.findings()).extracting(f -> f.evidence("path")).containsOnly(
                "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx", "C:\\inetpub\\wwwroot\\aspnet_client\\locked.aspx");
        assertThat(r.findings()).filteredOn(f -> f.evidence("path").endsWith("locked.aspx")).singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo(WebShellSweep.RULE_MISPLACED_SCRIPT));
    }

    @Test
    void brokenSymlinksAndOddNamesAreReportedOrReadNotFatal() throws Exception {
        write("inetpub/wwwroot/aspnet_client/über shell #1 %41.aspx", SHELL);
        write("inetpub/wwwroot/aspnet_client/日本語.ashx", SHELL);
        Files.createSymbolicLink(drive.resolve("inetpub/wwwroot/aspnet_client/gone.aspx"), drive.resolve("nowhere"));
        Files.createSymbolicLink(drive.resolve("inetpub/wwwroot/aspnet_client/out"), Path.of("/etc"));

        ServerResult r = scan(huntKnowing(sha256("none")), new DirectorySource(drive));

        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(WebShellSweep.RULE_MISPLACED_SCRIPT))
                .extracting(f -> f.evidence("path")).containsExactlyInAnyOrder(
                "C:\\inetpub\\wwwroot\\aspnet_client\\über shell #1 %41.aspx",
                "C:\\inetpub\\wwwroot\\aspnet_client\\日本語.ashx");
        assertThat(r.findings()).extracting(f -> f.evidence("path")).containsOnly(
                "C:\\inetpub\\wwwroot\\aspnet_client\\über shell #1 %41.aspx",
                "C:\\inetpub\\wwwroot\\aspnet_client\\日本語.ashx");
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactlyInAnyOrder("source.symlink", "source.symlink");
        assertThat(r.isIncomplete()).isFalse();
    }

    @Test
    void aFolderThatIsNoServerCannotBeToldClean() throws Exception {
        write("Users/someone/notes.txt", "hello");
        Verdict v = postExploitation(scan(huntKnowing(sha256("none")), new DirectorySource(drive)));
        assertThat(v.compromise()).isEqualTo(Compromise.CANNOT_TELL);
        assertThat(v.reason()).isEqualTo("the evidence holds none of the folders IIS serves");
    }

    @Test
    void aDriveWithoutTheFoldersIisServesCannotBeToldCleanEvenWithExchangeLogs() throws Exception {
        // the copy: Exchange's logs, no web folder; a file elsewhere is no web folder either
        write(INSTALL + "Logging/HttpProxy/Ecp/HttpProxy_2023010600-1.LOG", "#Software: Microsoft Exchange Server\r\n");
        write("Windows/System32/notepad.exe", "MZ");
        Verdict v = postExploitation(scan(huntKnowing(sha256("none")), new DirectorySource(drive)));
        assertThat(v.compromise()).isEqualTo(Compromise.CANNOT_TELL);
        assertThat(v.detail()).contains("none of the folders IIS serves (inetpub\\wwwroot");
    }

    @Test
    void filesOfTheWebFoldersAreCountedInTheCleanReason() throws Exception {
        write("inetpub/wwwroot/iisstart.htm", "<html></html>");
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/logon.aspx", "logon");
        write(INSTALL + "ClientAccess/Owa/web.config", "<configuration/>");
        Verdict v = postExploitation(scan(huntKnowing(sha256("none")), new DirectorySource(drive)));
        assertThat(v.compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(v.reason()).isEqualTo("no web shell among 3 files of the web folders");
    }

    @Test
    void theScanChangesNothingInTheEvidence() throws Exception {
        write("inetpub/wwwroot/aspnet_client/shell.aspx", SHELL);
        write(INSTALL + "FrontEnd/HttpProxy/owa/auth/logon.aspx", "logon");
        String before = TreeSnapshot.of(drive);
        scan(huntKnowing(sha256(SHELL)), new DirectorySource(drive));
        assertThat(TreeSnapshot.of(drive)).isEqualTo(before);
    }

    private ServerResult scan(Hunt hunt, DirectorySource source) {
        return hunt.scan("test", List.of(source));
    }

    private static Hunt huntKnowing(String sha256) {
        return Hunt.with(TestPacks.withKnowledgeBase(Map.of(
                "VERSION", "test",
                "ioc/test-sha256.csv", "sha256,name,campaign,source\n" + sha256 + ",test shell,TEST,here\n")),
                HuntOptions.defaults());
    }

    private static Verdict postExploitation(ServerResult r) {
        return r.verdicts().stream().filter(v -> v.row().equals(Rows.POST_EXPLOITATION)).findFirst().orElseThrow();
    }

    private void write(String path, String content) throws IOException {
        Path p = drive.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
