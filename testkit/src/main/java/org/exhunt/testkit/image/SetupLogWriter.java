package org.exhunt.testkit.image;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code C:\ExchangeSetupLogs\ExchangeSetup.log} for a scenario's setup runs, each as Exchange's setup writes one:
 * the banner, {@code Local time zone}, {@code Setup version}, the mode on the command line and as setup settles it
 * ({@code Install} on a server without Exchange, {@code BuildToBuildUpgrade} over an earlier CU, which also says
 * {@code The local server has some Exchange files installed.} and {@code The locally installed version is ...}), a
 * few of the components it processes, and {@code The Exchange Server setup operation completed successfully.} then
 * {@code End of Setup}; every line {@code [MM/dd/yyyy HH:mm:ss.ffff] [level] text}. The shapes are those of the
 * setup logs in CSS-Exchange's SetupLogReviewer tests (Setup/Tests/KnownIssues). The server's zone is UTC.
 */
final class SetupLogWriter {

    static final String PATH = "ExchangeSetupLogs/ExchangeSetup.log";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss.SSSS").withZone(ZoneOffset.UTC);
    private static final String STARS = "**********************************************";

    private SetupLogWriter() {}

    /** The log of these setup runs, oldest first: each upgrade names the build installed before it. */
    static byte[] of(List<Scenario.PatchRecord> runs) {
        StringBuilder s = new StringBuilder();
        String installed = null;
        for (Scenario.PatchRecord r : runs) {
            boolean fresh = r.kind() == Scenario.PatchRecord.Kind.SETUP_INSTALL;
            Instant t = r.started();
            line(s, t, 0, STARS);
            line(s, t, 0, "Starting Microsoft Exchange Server " + product(r.build()) + " Setup");
            line(s, t, 0, STARS);
            line(s, t, 0, "Local time zone: (UTC) Coordinated Universal Time.");
            line(s, t, 0, "Operating system version: Microsoft Windows NT 6.2.9200.0.");
            line(s, t, 0, "Setup version: " + r.build() + ".");
            line(s, t, 0, "Logged on user: CONTOSO\\mallory.admin.");
            line(s, t, 0, "Command Line Parameter Name='mode', Value='" + (fresh ? "Install" : "Upgrade") + "'.");
            line(s, t, 0, "Command Line Parameter Name='iacceptexchangeserverlicenseterms_diagnosticdataoff', Value=''.");
            t = t.plusSeconds(38);
            if (!fresh) {
                line(s, t, 0, "The following roles are installed: BridgeheadRole ClientAccessRole MailboxRole FrontendTransportRole AdminToolsRole CafeRole");
                line(s, t, 0, "The local server has some Exchange files installed.");
            }
            line(s, t, 0, "Server Name=EXCH01");
            line(s, t, 0, "The installation mode is set to: '" + (fresh ? "Install" : "BuildToBuildUpgrade") + "'.");
            if (!fresh && installed != null) line(s, t.plusSeconds(3), 0, "The locally installed version is " + installed + ".");
            line(s, t.plusSeconds(3), 0, "Exchange Installation Directory : 'C:\\Program Files\\Microsoft\\Exchange Server\\V15'.");
            Instant step = t.plusSeconds(60);
            for (String component : List.of("Mailbox role: Transport service", "Mailbox role: Client Access service",
                    "Mailbox role: Mailbox service", "Mailbox role: Client Access Front End service")) {
                line(s, step, 1, "Processing component '" + component + "' (Configuring the server.).");
                step = step.plus(Duration.between(step, r.at()).dividedBy(3));
            }
            line(s, r.at(), 0, "The Exchange Server setup operation completed successfully.");
            line(s, r.at(), 0, "End of Setup");
            line(s, r.at(), 0, STARS);
            installed = r.build();
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void line(StringBuilder s, Instant t, int level, String text) {
        s.append('[').append(TIME.format(t)).append("] [").append(level).append("] ").append(text).append("\r\n");
    }

    /** How setup names its product: {@code 2016} for 15.1, {@code 2019} for 15.2, {@code 2013} for 15.0. */
    private static String product(String build) {
        if (build.startsWith("15.0.")) return "2013";
        if (build.startsWith("15.1.")) return "2016";
        int cu = Integer.parseInt(build.split("\\.")[2]);
        return cu >= 2562 ? "Subscription Edition" : "2019";
    }
}
