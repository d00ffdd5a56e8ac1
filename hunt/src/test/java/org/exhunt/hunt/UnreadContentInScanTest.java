package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.FileOpener;
import org.exhunt.evidence.ZipSource;
import org.exhunt.hunt.detect.AuthFolderAudit;
import org.exhunt.hunt.detect.FileFindings;
import org.exhunt.hunt.detect.OversizedWebScript;
import org.exhunt.hunt.detect.WebShellSweep;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.core.Rows;
import org.exhunt.testkit.zip.CraftedZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 2: a shell whose content cannot be read (no permission, past the size cap, an encrypted or damaged
 * archive entry) keeps every finding that needs only its name and place, and is listed as not read; a China
 * Chopper padded past the old size bounds of the pack's rules is still caught.
 */
class UnreadContentInScanTest {

    private static final String AUTH = TestDrive.INSTALL + "FrontEnd/HttpProxy/owa/auth/";
    private static final String CHOPPER = "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"t\"],\"unsafe\");%>";

    @TempDir
    Path tmp;

    @Test
    void aShellNobodyMayReadIsStillAScriptInAspnetClientWithAKnownName() throws Exception {
        Path drive = drive();
        write(drive, "inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx", CHOPPER);
        FileOpener denied = file -> {
            if (file.getFileName().toString().equals("errorEE.aspx")) throw new AccessDeniedException(file.toString());
            return FileOpener.READ_ONLY.open(file);
        };

        ServerResult r = scan(new DirectorySource(drive, denied));

        assertThat(rules(r)).containsExactlyInAnyOrder(WebShellSweep.RULE_MISPLACED_SCRIPT, "exhunt.ioc.webshell-names");
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.evidence("content")).isEqualTo(FileFindings.UNREAD);
            assertThat(f.stage()).as("a shell left behind, read or not").isEqualTo(Stage.POST_EXPLOITATION);
        });
        assertThat(postExploitation(r).compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(notRead(r)).containsExactly("read.failed");
    }

    @Test
    void aShellPaddedPastTheReadCapIsStillFoundByNameByPlaceAndBySize() throws Exception {
        Path drive = drive();
        // truncate(1): one command, no disk, and the file is past what exhunt reads
        padded(drive, "inetpub/wwwroot/aspnet_client/x.aspx", Limits.CONTENT_BYTES + 1);
        padded(drive, AUTH + "owa.aspx", Limits.CONTENT_BYTES + 1);        // no standard install has it
        padded(drive, AUTH + "logon.aspx", Limits.CONTENT_BYTES + 1);      // a standard page, rewritten and padded

        ServerResult r = scan(new DirectorySource(drive));

        assertThat(findingsAbout(r, "x.aspx")).containsExactlyInAnyOrder(WebShellSweep.RULE_MISPLACED_SCRIPT, OversizedWebScript.RULE);
        assertThat(findingsAbout(r, "owa.aspx")).containsExactlyInAnyOrder(AuthFolderAudit.RULE_SCRIPT, OversizedWebScript.RULE);
        assertThat(findingsAbout(r, "logon.aspx")).containsExactly(OversizedWebScript.RULE);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(OversizedWebScript.RULE)).first().satisfies(f ->
                assertThat(f.title()).startsWith("Script of 64 MiB in the web folders, too large to examine"));
        assertThat(r.findings()).extracting(Finding::stage).containsOnly(Stage.POST_EXPLOITATION);
        assertThat(postExploitation(r).compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(notRead(r)).containsExactly("content.too-large", "content.too-large", "content.too-large");
    }

    @Test
    void aChopperPaddedPastTheRulesOldSizeBoundsIsStillAChopper() throws Exception {
        Path drive = drive();
        // a standard page's name, so that only the content can tell: 600 KB, past the old 512 KB bound
        write(drive, AUTH + "logon.aspx", CHOPPER + "<%-- " + "A".repeat(600 * 1024) + " --%>");

        ServerResult r = scan(new DirectorySource(drive));

        // the pack's own rule, and whatever else of the pack's sees a Chopper in it; every finding is about the page
        assertThat(rules(r)).contains("EXHUNT_Chopper_JScript_Eval");
        assertThat(findingsAbout(r, "logon.aspx")).hasSameSizeAs(rules(r));
        assertThat(postExploitation(r).compromise()).isEqualTo(Compromise.COMPROMISED);
    }

    @Test
    void encryptedAndDamagedArchiveEntriesAreStillScriptsWhereNoneBelong() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add("C/" + AUTH + "logon.aspx", "logon");
        z.add("C/inetpub/wwwroot/aspnet_client/enc.aspx", CHOPPER).encrypted();
        z.add("C/" + AUTH + "crc.aspx", CHOPPER).declaredCrc(0x12345678L);
        Path zip = Files.write(tmp.resolve("triage.zip"), z.bytes());

        ServerResult r = scan(new ZipSource(zip));

        assertThat(findingsAbout(r, "enc.aspx")).containsExactly(WebShellSweep.RULE_MISPLACED_SCRIPT);
        assertThat(findingsAbout(r, "crc.aspx")).containsExactly(AuthFolderAudit.RULE_SCRIPT);
        assertThat(postExploitation(r).compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(notRead(r)).containsExactlyInAnyOrder("archive.encrypted", "read.failed", "read.failed");
        assertThat(r.diagnostics()).filteredOn(d -> d.code().equals("read.failed")).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("is encrypted"))
                .anySatisfy(m -> assertThat(m).contains("CRC"));
    }

    private Path drive() throws IOException {
        Path drive = tmp.resolve("drive");
        write(drive, AUTH + "logoff.aspx", "logoff");
        return drive;
    }

    private static void write(Path drive, String path, String content) throws IOException {
        Path p = drive.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    /** A shell grown to {@code size} bytes as {@code truncate -s} grows it: sparse, costing no disk. */
    private static void padded(Path drive, String path, long size) throws IOException {
        write(drive, path, CHOPPER);
        try (RandomAccessFile f = new RandomAccessFile(drive.resolve(path).toFile(), "rw")) {
            f.setLength(size);
        }
    }

    private static ServerResult scan(EvidenceSource source) {
        return Hunt.with(RulePack.bundled(), HuntOptions.defaults()).scan("test", List.of(source));
    }

    private static List<String> rules(ServerResult r) {
        return r.findings().stream().map(Finding::ruleId).toList();
    }

    private static List<String> findingsAbout(ServerResult r, String name) {
        return r.findings().stream().filter(f -> f.evidence("path") != null && f.evidence("path").endsWith("\\" + name))
                .map(Finding::ruleId).toList();
    }

    private static List<String> notRead(ServerResult r) {
        return r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
    }

    private static Verdict postExploitation(ServerResult r) {
        return r.verdicts().stream().filter(v -> v.row().equals(Rows.POST_EXPLOITATION)).findFirst().orElseThrow();
    }
}
