package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxDamage;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scope options of {@code scan}: exclude, allowlist, time window, collect, slack recovery. */
class ScanOptionsTest {

    private static final String SHELL_SHA256 = "f692b6df1c5ee4891169386c16e183b3da268dc5f1dda504213d4b3650579842";
    private static final String SHELL = "inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx";

    @TempDir
    Path tmp;

    @Test
    void anExcludedShellIsNotFoundAndTheReportSaysWhatWasLeftOut() {
        CliRun run = CliRun.of("scan", "--exclude", "C:\\inetpub\\wwwroot\\aspnet_client\\**",
                Examples.example("hafnium-webshell").toString());
        assertThat(run.code()).as("no shell left, but the example's 2016 CU19 build is exposed").isEqualTo(ExitCodes.EXPOSED);
        assertThat(run.out()).contains("2 files left out by --exclude [C:\\inetpub\\wwwroot\\aspnet_client\\**]");
    }

    @Test
    void anAllowlistedShellIsSuppressedAndCounted() throws IOException {
        Path allow = Files.writeString(tmp.resolve("allow.txt"), "# reviewed\nsha256:" + SHELL_SHA256 + "\n");
        CliRun run = CliRun.of("scan", "--allowlist", allow.toString(), Examples.example("hafnium-webshell").toString());
        assertThat(run.code()).as("no finding left, but the example's 2016 CU19 build is exposed").isEqualTo(ExitCodes.EXPOSED);
        // the shell's three findings (its place, its name, its content) carry its SHA-256
        assertThat(run.out()).contains("allowlist 'sha256:" + SHELL_SHA256 + "' suppressed 3 findings")
                .contains("Findings: none");
    }

    @Test
    void aBadAllowlistLineMakesTheRunIncomplete() throws IOException {
        Path allow = Files.writeString(tmp.resolve("allow.txt"), "whatever\n");
        CliRun run = CliRun.of("scan", "--allowlist", allow.toString(), Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("allow.txt:1: expected 'path:GLOB'");
    }

    @Test
    void userIndicatorsFromCsvAndStixAreMatchedAndWhatCannotBeUsedIsListed() throws IOException {
        Path csv = Files.writeString(tmp.resolve("case-iocs.csv"), "sha256,name,campaign\n" + SHELL_SHA256 + ",our shell,CASE-42\n");
        Path stix = Files.writeString(tmp.resolve("feed.json"), """
                {"type": "bundle", "id": "bundle--1", "objects": [
                  {"type": "indicator", "id": "indicator--aa", "name": "shell by MD5",
                   "pattern": "[file:hashes.MD5 = '%s']", "pattern_type": "stix"},
                  {"type": "indicator", "id": "indicator--bb", "name": "registry key",
                   "pattern": "[windows-registry-key:key = 'HKLM']", "pattern_type": "stix"}
                ]}""".formatted(md5(Examples.example("hafnium-webshell").resolve(SHELL))));
        CliRun run = CliRun.of("scan", "--ioc", csv.toString(), "--ioc", stix.toString(),
                Examples.example("hafnium-webshell").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).contains("Known web shell: our shell (CASE-42)").contains("rule exhunt.ioc.user.case-iocs (ioc)")
                .contains("Known web shell: shell by MD5").contains("rule indicator--aa (ioc)")
                .contains("feed.json:4#indicator--bb: pattern column 2: exhunt cannot match windows-registry-key:key")
                .contains("with 2 --ioc files: ");
    }

    @Test
    void aMissingIndicatorFileIsAUsageError() {
        CliRun run = CliRun.of("scan", "--ioc", tmp.resolve("nope.csv").toString(), Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such indicator file");
    }

    private static String md5(Path file) throws IOException {
        return digest("MD5", file);
    }

    private static String sha256(Path file) throws IOException {
        return digest("SHA-256", file);
    }

    private static String digest(String algorithm, Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void collectCopiesTheShellWithAManifestAndLeavesTheEvidenceAlone() throws IOException {
        Path image = Examples.copyWithFixedTimes("hafnium-webshell", tmp.resolve("image"));
        Path dir = tmp.resolve("case-42");
        CliRun run = CliRun.of("scan", "--collect", dir.toString(), image.toString());

        assertThat(run.code()).isEqualTo(1);
        Path copy = dir.resolve("image").resolve(SHELL);
        assertThat(copy).hasSameBinaryContentAs(image.resolve(SHELL));
        assertThat(Files.getLastModifiedTime(copy).toInstant()).isEqualTo(Examples.FIXED_TIME);
        assertThat(Files.readString(dir.resolve("image/manifest.sha256"))).isEqualTo(SHELL_SHA256 + "  " + SHELL + "\n");
        assertThat(Files.readAllLines(dir.resolve("image/manifest.csv"))).containsExactly(
                "sha256,size,modified,server_path,source,rules",
                SHELL_SHA256 + ",80,2021-03-03T04:05:06Z,\"C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\errorEE.aspx\","
                        + "\"" + image.resolve(SHELL) + "\",\"EXHUNT_Chopper_JScript_Eval exhunt.file.script-in-webshell-location"
                        + " exhunt.ioc.webshell-names\"");
    }

    @Test
    void collectCopiesTheLogsTheDumpAndTheArchiveAFindingPointsTo() throws IOException {
        Path image = Examples.copyWithFixedTimes("proxylogon-victim", tmp.resolve("victim"));
        Path dir = tmp.resolve("case-43");
        CliRun run = CliRun.of("scan", "--collect", dir.toString(), image.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        List<String> sums = Files.readAllLines(dir.resolve("victim/manifest.sha256"));
        for (String evidence : List.of("Windows/Temp/lsass.dmp", "ProgramData/it.zip", "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log",
                "Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/Ecp/HttpProxy_2021030300-1.LOG",
                "Windows/System32/winevt/Logs/MSExchange Management.evtx")) {
            Path copy = dir.resolve("victim").resolve(evidence);
            assertThat(copy).as(evidence).hasSameBinaryContentAs(image.resolve(evidence));
            assertThat(sums).as("manifest line of " + evidence).anySatisfy(l -> assertThat(l).endsWith("  " + evidence)
                    .startsWith(sha256(image.resolve(evidence))));
        }
        // only what a finding points to: the evidence of no finding stays behind
        assertThat(dir.resolve("victim/inetpub/wwwroot/iisstart.htm")).doesNotExist();
    }

    @Test
    void collectRefusesAFolderInsideTheEvidenceOrOneNotEmpty() throws IOException {
        Path image = Examples.copyWithFixedTimes("clean", tmp.resolve("image"));
        CliRun inside = CliRun.of("scan", "--collect", image.resolve("out").toString(), image.toString());
        assertThat(inside.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(inside.err()).contains("the collection folder").contains("inside the evidence");

        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("old.txt"), "earlier case");
        CliRun notEmpty = CliRun.of("scan", "--collect", used.toString(), image.toString());
        assertThat(notEmpty.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notEmpty.err()).contains("is not empty");
    }

    @Test
    void timesAreCheckedAndExplained() {
        CliRun bad = CliRun.of("scan", "--since", "March", Examples.example("clean").toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'March' is not a date or time");

        CliRun reversed = CliRun.of("scan", "--since", "2021-03-02", "--until", "2021-03-01T23:00",
                Examples.example("clean").toString());
        assertThat(reversed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(reversed.err()).contains("--until 2021-03-01T23:00:00Z is before --since 2021-03-02T00:00:00Z");

        CliRun ok = CliRun.of("scan", "--since", "2026-09-01", "--until", "2026-09-30T23:59:59+01:00",
                Examples.example("clean").toString());
        // the clean image's logs all lie in the window; nothing dates its build's install, so it cannot be cleared
        assertThat(ok.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(ok.out()).contains("log evidence limited to 2026-09-01T00:00:00Z to 2026-09-30T22:59:59Z");
    }

    @Test
    void logsOutsideTheWindowCannotClearAChain() {
        // the clean image's logs are all from September 2026: a window that ends before them examines none of
        // them, so no chain can be CLEAN on their account, however far back they reach
        CliRun run = CliRun.of("scan", "--until", "2026-01-01", Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out().lines().filter(l -> l.startsWith("clean   ProxyLogon ")).findFirst())
                .hasValueSatisfying(row -> assertThat(row).contains("CANNOT_TELL"));
    }

    @Test
    void aGivenInstallPathIsUsedWhereDiscoveryWouldPickAnotherFolder() throws IOException {
        // the install moved to C:\Exchange\V15, and a shorter folder holding an old ExSetup.exe that discovery,
        // which takes the shortest folder with an install marker, would take for the install
        Path image = Examples.copyWithFixedTimes("hafnium-webshell", tmp.resolve("image"));
        Path defaultInstall = image.resolve("Program Files/Microsoft/Exchange Server/V15");
        Path moved = Files.createDirectories(image.resolve("Exchange")).resolve("V15");
        Files.move(defaultInstall, moved);
        Path decoy = Files.createDirectories(image.resolve("Old/Bin"));
        Files.copy(moved.resolve("Bin/ExSetup.exe"), decoy.resolve("ExSetup.exe"));

        CliRun found = CliRun.of("scan", image.toString());
        assertThat(found.out()).contains("Exchange install path: C:\\Old\\ (found)");

        CliRun given = CliRun.of("scan", "--install-path", "D:\\Exchange\\V15", image.toString());
        assertThat(given.out()).contains("Exchange install path: C:\\Exchange\\V15\\ (given)")
                .contains("from the ExSetup.exe file version of C:\\Exchange\\V15\\Bin\\ExSetup.exe");
    }

    /** The pack's rule for a mailbox exported to a web folder (ProxyShell's web shell), in the MSExchange Management log. */
    private static final String EXPORT_TO_WEB_PATH = "fd9a3c9d-3fb4-4d67-a46b-fb9ba3632f5d";

    @Test
    void recoverSlackFindsEvidenceThatAnEventLogHoldsInChunkSlack() throws IOException {
        Path image = Examples.copyWithFixedTimes("clean", tmp.resolve("ex01"));
        Instant t = Instant.parse("2021-08-20T01:00:00Z");
        List<EvtxEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) events.add(EventSamples.cmdlet(t.plusSeconds(60L * i), 1, "Get-Mailbox", "-ResultSize 10"));
        events.add(EventSamples.mailboxExportToWebRoot(t.plusSeconds(600)));
        byte[] log = EvtxWriter.toBytes(events);
        EvtxDamage.hideInSlack(log, 0, 1);   // the export lies after the chunk's last listed record
        Path logs = Files.createDirectories(image.resolve("Windows/System32/winevt/Logs"));
        Files.write(logs.resolve("MSExchange Management.evtx"), log);

        CliRun plain = CliRun.of("scan", image.toString());
        assertThat(plain.out()).doesNotContain("rule " + EXPORT_TO_WEB_PATH).contains("[evtx.chunk.slack]");

        CliRun recovered = CliRun.of("scan", "--recover-slack", image.toString());
        assertThat(recovered.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(recovered.out()).contains("rule " + EXPORT_TO_WEB_PATH + " (sigma), chain ProxyShell")
                .contains("1 records recovered from space after the chunk's last record").contains("[evtx.chunk.recovered]");
    }
}
