package org.exhunt.testkit.logs;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Remote PowerShell cmdlet logs ({@code Logging/CmdletInfra/Powershell-Proxy/Cmdlet}): one line per cmdlet run
 * through {@code /powershell}, with its parameters as PowerShell writes them and who ran it.
 */
final class RpsCmdletDialect extends ExchangeCsvDialect {

    static final List<String> COLUMNS = List.of("DateTime", "StartTime", "RequestId", "ServerHostName", "ProcessId",
            "ProcessName", "AuthenticatedUser", "ClientApplication", "Cmdlet", "Parameters", "ExecutionResult", "TotalTime",
            "GenericErrors");

    /** Everyday administration and monitoring: cmdlet and parameters. */
    private static final String[][] CMDLETS = {
        {"Get-Mailbox", "-Identity \"alice\""},
        {"Get-Mailbox", "-ResultSize \"Unlimited\""},
        {"Get-MailboxStatistics", "-Identity \"bob@contoso.com\""},
        {"Get-ExchangeServer", ""},
        {"Get-MailboxDatabase", "-Status:$true"},
        {"Get-ServerComponentState", "-Identity \"EX01\""},
        {"Test-ServiceHealth", ""},
        {"Get-Queue", ""},
        {"Set-Mailbox", "-Identity \"carol\" -ProhibitSendQuota \"9.5 GB\""},
    };

    /** Who runs cmdlets on an ordinary day: administrators, a service account, the health mailbox of the probes. */
    private static final String[] RUNNERS = {"CONTOSO\\mallory.admin", "CONTOSO\\svc-backup", "CONTOSO\\HealthMailbox7f3c2a1b"};

    RpsCmdletDialect(String server, String build) {
        super("Rps Cmdlet Logs", COLUMNS, server, build, false);
    }

    @Override
    public void line(LineBuffer b, long time, SplittableRandom r) {
        String[] c = CMDLETS[r.nextInt(CMDLETS.length)];
        String runner = Traffic.pick(RUNNERS, r);
        write(b, time, r, runner, runner.contains("HealthMailbox") ? "ActiveMonitor" : "", c[0], c[1]);
    }

    @Override
    public boolean planted(LineBuffer b, long time, PlantedEvent event) {
        if (!(event instanceof PlantedEvent.RemotePowerShellCmdlet e)) return false;
        write(b, time, new SplittableRandom(time), e.user(), "", e.cmdlet(), e.parameters());
        return true;
    }

    @Override
    public String serverPath(long time) {
        return "Program Files/Microsoft/Exchange Server/V15/Logging/CmdletInfra/Powershell-Proxy/Cmdlet/Rps_Cmdlet_"
                + Clock.yyyyMMddHH(time) + "-1.LOG";
    }

    private void write(LineBuffer b, long time, SplittableRandom r, String user, String application, String cmdlet,
                       String parameters) {
        int took = 5 + r.nextInt(900);
        row(b, Clock.iso(time), Clock.iso(time - took), Traffic.guid(r), server, "6892",
                "w3wp#MSExchangePowerShellAppPool", user, application, cmdlet, parameters, "Success", Integer.toString(took), "");
    }
}
