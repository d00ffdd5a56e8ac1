package org.exhunt.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.logs.PlantedEvent;
import org.junit.jupiter.api.Test;

/** The test kit's generated logs read back: clean, in time order, every planted event where it belongs. */
class GeneratedLogsTest {

    static final Instant START = Instant.parse("2021-03-03T00:00:00Z");
    static final Instant ATTACK = Instant.parse("2021-03-03T06:49:43Z");

    record Read(List<Record> records, List<Diagnostic> problems) {}

    static Read read(LogGenerator g) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        try (InputStream in = g.open(); RecordStream s = LogFiles.open(g.serverPath(), in, problems::add).orElseThrow()) {
            s.forEachRemaining(records::add);
            assertThat(s.complete()).isTrue();
        }
        return new Read(records, problems);
    }

    static void assertTimeOrdered(List<Record> records) {
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).time()).isAfterOrEqualTo(records.get(i - 1).time());
        }
    }

    @Test
    void httpProxyWithProxyLogonAndAllHeaderShapes() throws IOException {
        LogGenerator g = LogGenerator.httpProxy("Ecp").start(START).size(2 << 20).bareCsvHeader(true).restartEvery(500)
                .plant(PlantedEvent.ProxyLogonSsrf.probe(ATTACK, "130.255.189.21", "ex01.contoso.local"),
                       new PlantedEvent.OabWebShellWrite(ATTACK.plusSeconds(30), "130.255.189.21", "ex01.contoso.local"),
                       new PlantedEvent.OabDownloadFailed(ATTACK, "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx"));
        Read r = read(g);
        assertThat(r.problems()).isEmpty();
        assertThat(r.records()).hasSizeGreaterThan(1000).allSatisfy(rec -> {
            assertThat(rec.type()).isEqualTo("exchange-httpproxy");
            assertThat(rec.field("LogFolder")).isEqualTo("Ecp");
            assertThat(rec.fieldNames()).contains("DateTime", "RequestId", "UrlStem", "GenericInfo", "RoutingType");
        });
        assertTimeOrdered(r.records());
        List<String> ssrf = r.records().stream().map(x -> x.field("AnchorMailbox"))
                .filter(a -> a != null && a.startsWith("ServerInfo~")).toList();
        assertThat(ssrf).containsExactly("ServerInfo~a]@ex01.contoso.local:444/autodiscover/autodiscover.xml?#",
                "ServerInfo~a]@ex01.contoso.local:444/ecp/DDI/DDIService.svc/SetObject?msExchEcpCanary=M1xS&schema=ResetOABVirtualDirectory#");
        assertThat(g.serverPath()).isEqualTo("Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/Ecp/HttpProxy_2021030300-1.LOG");
    }

    @Test
    void iisWithProxyShellAndAWebShell() throws IOException {
        LogGenerator g = LogGenerator.iis().start(START).size(1 << 20).restartEvery(1000)
                .plant(new PlantedEvent.ProxyShell(ATTACK, "198.51.100.66", "evil.corp", "powershell/"),
                       new PlantedEvent.WebShellRequest(ATTACK.plusSeconds(60), "198.51.100.66", "/aspnet_client/system_web/errorEE.aspx"));
        Read r = read(g);
        assertThat(r.problems()).isEmpty();
        assertTimeOrdered(r.records());
        assertThat(r.records()).filteredOn(x -> "/autodiscover/autodiscover.json".equals(x.field("cs-uri-stem"))
                        && x.field("cs-uri-query") != null && x.field("cs-uri-query").contains("/powershell/"))
                .singleElement().satisfies(x -> {
                    assertThat(x.field("cs-uri-query")).isEqualTo("@evil.corp/powershell/?&Email=autodiscover/autodiscover.json%3F@evil.corp");
                    assertThat(x.time()).isAfterOrEqualTo(ATTACK);
                });
        assertThat(r.records()).filteredOn(x -> "antSword/v2.1".equals(x.field("cs(User-Agent)"))).hasSize(1);
        assertThat(g.serverPath()).isEqualTo("inetpub/logs/LogFiles/W3SVC1/u_ex210303.log");
    }

    @Test
    void ecpServerAndOabGeneratorLogs() throws IOException {
        Read ecp = read(LogGenerator.ecpServer().start(START).size(256 << 10)
                .plant(new PlantedEvent.OabWebShellWrite(ATTACK, "130.255.189.21", "ex01.contoso.local")));
        assertThat(ecp.problems()).isEmpty();
        assertThat(ecp.records()).allSatisfy(x -> assertThat(x.field("BLD")).isEqualTo("15.1.2176.2"));
        assertThat(ecp.records()).filteredOn(x -> x.field("CMD").startsWith("Set-OabVirtualDirectory"))
                .singleElement().satisfies(x -> assertThat(x.field("CMD"))
                        .contains("ExternalUrl='http://f/<script language=\"JScript\" runat=\"server\">function Page_Load(){eval("));

        Read oab = read(LogGenerator.oabGenerator().start(START).size(64 << 10)
                .plant(new PlantedEvent.OabDownloadFailed(ATTACK, "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx")));
        assertThat(oab.problems()).isEmpty();
        assertThat(oab.records()).allSatisfy(x -> assertThat(x.time()).isNotNull());
        assertThat(oab.records()).filteredOn(x -> x.field("Message").contains("aspnet_client")).singleElement()
                .satisfies(x -> assertThat(x.field("Message")).endsWith(
                        "Download failed and temporary file 'C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx' needs to be removed"));
    }

    @Test
    void ewsLogWithAMailboxReadAlsoSeenInIisAndHttpProxy() throws IOException {
        String odd = "ExchangeServicesClient/0.0.0.0";
        PlantedEvent.EwsRequest theft = new PlantedEvent.EwsRequest(ATTACK, "130.255.189.21", "CONTOSO\\alice", "FindItem", odd);
        LogGenerator g = LogGenerator.ews().start(START).size(512 << 10).bareCsvHeader(true).restartEvery(400).plant(theft);
        Read r = read(g);
        assertThat(r.problems()).isEmpty();
        assertThat(r.records()).hasSizeGreaterThan(1000).allSatisfy(x -> {
            assertThat(x.type()).isEqualTo("exchange-ews");
            assertThat(x.fieldNames()).contains("DateTime", "RequestId", "AuthenticatedUser", "UserAgent", "ClientIpAddress",
                    "SoapAction", "HttpStatus", "GenericInfo");
            assertThat(x.field("LogType")).isEqualTo("EWS Logs");
            assertThat(x.field("LogVersion")).isEqualTo("15.01.2176.002");
        });
        assertTimeOrdered(r.records());
        assertThat(r.records()).filteredOn(x -> odd.equals(x.field("UserAgent"))).singleElement().satisfies(x -> {
            assertThat(x.field("SoapAction")).isEqualTo("FindItem");
            assertThat(x.field("AuthenticatedUser")).isEqualTo("CONTOSO\\alice");
            assertThat(x.field("ClientIpAddress")).isEqualTo("130.255.189.21");
            assertThat(x.time()).isEqualTo(ATTACK);
        });
        assertThat(g.serverPath()).isEqualTo("Program Files/Microsoft/Exchange Server/V15/Logging/Ews/Ews_2021030300-1.LOG");

        Read iis = read(LogGenerator.iis().start(START).size(64 << 10).plant(theft));
        assertThat(iis.records()).filteredOn(x -> odd.equals(x.field("cs(User-Agent)"))).singleElement().satisfies(x -> {
            assertThat(x.field("cs-method")).isEqualTo("POST");
            assertThat(x.field("cs-uri-stem")).isEqualTo("/EWS/Exchange.asmx");
            assertThat(x.field("cs-username")).isEqualTo("CONTOSO\\alice");
        });
        Read proxy = read(LogGenerator.httpProxy("Ews").start(START).size(64 << 10).plant(theft));
        assertThat(proxy.records()).filteredOn(x -> odd.equals(x.field("UserAgent"))).singleElement()
                .satisfies(x -> assertThat(x.field("UrlStem")).isEqualTo("/EWS/Exchange.asmx"));
        assertThat(read(LogGenerator.httpProxy("Owa").start(START).size(64 << 10).plant(theft)).records())
                .noneMatch(x -> odd.equals(x.field("UserAgent")));
    }

    @Test
    void rpsCmdletLogWithProxyShellsRoleAssignmentAndMailboxExport() throws IOException {
        String admin = "CONTOSO\\Administrator";
        LogGenerator g = LogGenerator.rpsCmdlet().start(START).size(256 << 10).restartEvery(300).plant(
                new PlantedEvent.RemotePowerShellCmdlet(ATTACK, admin, "New-ManagementRoleAssignment",
                        "-Role \"Mailbox Import Export\" -User \"CONTOSO\\Administrator\""),
                new PlantedEvent.RemotePowerShellCmdlet(ATTACK.plusSeconds(20), admin, "New-MailboxExportRequest",
                        "-Mailbox \"alice@contoso.com\" -FilePath \"\\\\localhost\\c$\\inetpub\\wwwroot\\aspnet_client\\x4mfa.aspx\""));
        Read r = read(g);
        assertThat(r.problems()).isEmpty();
        assertThat(r.records()).hasSizeGreaterThan(500).allSatisfy(x -> {
            assertThat(x.type()).isEqualTo("exchange-rps");
            assertThat(x.fieldNames()).contains("DateTime", "StartTime", "AuthenticatedUser", "Cmdlet", "ExecutionResult");
            assertThat(x.field("LogType")).isEqualTo("Rps Cmdlet Logs");
        });
        assertTimeOrdered(r.records());
        assertThat(r.records()).filteredOn(x -> admin.equals(x.field("AuthenticatedUser")))
                .extracting(x -> x.field("Cmdlet"), x -> x.field("Parameters"), Record::time)
                .containsExactly(
                        tuple("New-ManagementRoleAssignment", "-Role \"Mailbox Import Export\" -User \"CONTOSO\\Administrator\"", ATTACK),
                        tuple("New-MailboxExportRequest",
                                "-Mailbox \"alice@contoso.com\" -FilePath \"\\\\localhost\\c$\\inetpub\\wwwroot\\aspnet_client\\x4mfa.aspx\"",
                                ATTACK.plusSeconds(20)));
        assertThat(g.serverPath()).isEqualTo(
                "Program Files/Microsoft/Exchange Server/V15/Logging/CmdletInfra/Powershell-Proxy/Cmdlet/Rps_Cmdlet_2021030300-1.LOG");
    }

    @Test
    void messageTrackingLogWithMailSentOut() throws IOException {
        LogGenerator g = LogGenerator.messageTracking().start(START).size(256 << 10).restartEvery(300)
                .plant(new PlantedEvent.MailSent(ATTACK, "alice@contoso.com", "drop@evil.corp", "FW: contracts, \"Q1\"", 3_750_222));
        Read r = read(g);
        assertThat(r.problems()).isEmpty();
        assertThat(r.records()).hasSizeGreaterThan(300).allSatisfy(x -> {
            assertThat(x.type()).isEqualTo("exchange-messagetracking");
            assertThat(x.fieldNames()).contains("date-time", "source", "event-id", "message-id", "sender-address",
                    "message-subject", "schema-version");
            assertThat(x.field("LogType")).isEqualTo("Message Tracking Log");
        });
        assertTimeOrdered(r.records());
        assertThat(r.records()).filteredOn(x -> "drop@evil.corp".equals(x.field("recipient-address"))).singleElement()
                .satisfies(x -> {
                    assertThat(x.field("event-id")).isEqualTo("SEND");
                    assertThat(x.field("source")).isEqualTo("SMTP");
                    assertThat(x.field("sender-address")).isEqualTo("alice@contoso.com");
                    assertThat(x.field("message-subject")).isEqualTo("FW: contracts, \"Q1\"");
                    assertThat(x.field("total-bytes")).isEqualTo("3750222");
                    assertThat(x.field("directionality")).isEqualTo("Originating");
                    assertThat(x.time()).isEqualTo(ATTACK);
                });
        // subjects with a comma and with non-ASCII text come back whole
        assertThat(r.records()).extracting(x -> x.field("message-subject")).contains("Q1 numbers, final", "Übersicht März");
        assertThat(g.serverPath()).isEqualTo(
                "Program Files/Microsoft/Exchange Server/V15/TransportRoles/Logs/MessageTracking/MSGTRK2021030300-1.LOG");
    }

    @Test
    void theSameSettingsGiveTheSameBytesAndAnotherSeedOthers() throws IOException {
        LogGenerator g = LogGenerator.httpProxy("Owa").size(300 << 10).seed(42);
        byte[] a;
        byte[] b;
        try (InputStream in = g.open()) {
            a = in.readAllBytes();
        }
        try (InputStream in = g.open()) {
            b = in.readAllBytes();
        }
        assertThat(a).isEqualTo(b);
        assertThat(a.length).isBetween(300 << 10, (300 << 10) + 4096);
        try (InputStream in = g.seed(43).open()) {
            assertThat(in.readAllBytes()).isNotEqualTo(a);
        }
    }
}
