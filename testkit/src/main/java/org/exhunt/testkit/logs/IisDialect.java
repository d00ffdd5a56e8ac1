package org.exhunt.testkit.logs;

import java.util.SplittableRandom;

/** IIS W3C extended logging with IIS's default fields, as on the front end (W3SVC1) or the back end (W3SVC2). */
final class IisDialect implements Dialect {

    private final String serverIp;
    private final String site;

    IisDialect(String serverIp, String site) {
        this.serverIp = serverIp;
        this.site = site;
    }

    @Override
    public void header(LineBuffer b, long time) {
        b.ascii("#Software: Microsoft Internet Information Services 10.0").crlf();
        b.ascii("#Version: 1.0").crlf();
        b.ascii("#Date: ");
        Clock.date(b, time);
        b.ch(' ');
        Clock.time(b, time);
        b.crlf();
        b.ascii("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent)"
                + " cs(Referer) sc-status sc-substatus sc-win32-status time-taken").crlf();
    }

    @Override
    public void line(LineBuffer b, long time, SplittableRandom r) {
        Traffic.Request q = Traffic.request(r);
        boolean authenticated = q.status() == 200 && r.nextInt(3) > 0;
        write(b, time, q.method(), q.stem(), q.query(), authenticated ? "CONTOSO\\" + Traffic.pick(Traffic.USERS, r) : "",
                Traffic.clientIp(r), Traffic.iisUserAgent(Traffic.pick(Traffic.USER_AGENTS, r)),
                r.nextInt(5) == 0 ? "https://mail.contoso.com/owa/" : "", q.status(), 1 + r.nextInt(400));
    }

    @Override
    public boolean planted(LineBuffer b, long time, PlantedEvent event) {
        if (event instanceof PlantedEvent.ProxyLogonSsrf e) {
            write(b, time, "POST", "/ecp/y.js", "", "", e.attackerIp(), "python-requests/2.25.1", "", 200, 31);
        } else if (event instanceof PlantedEvent.ProxyShell e) {
            write(b, time, "GET", "/autodiscover/autodiscover.json",
                    "@" + e.email() + "/" + e.target() + "?&Email=autodiscover/autodiscover.json%3F@" + e.email(), "",
                    e.attackerIp(), "python-requests/2.25.1", "", 200, 88);
        } else if (event instanceof PlantedEvent.OabWebShellWrite e) {
            write(b, time, "POST", "/ecp/DDI/DDIService.svc/SetObject", "schema=ResetOABVirtualDirectory&msExchEcpCanary=M1xS",
                    "", e.attackerIp(), "python-requests/2.25.1", "", 200, 120);
        } else if (event instanceof PlantedEvent.WebShellRequest e) {
            write(b, time, "POST", e.path(), "", "", e.attackerIp(), "antSword/v2.1", "", 200, 15);
        } else if (event instanceof PlantedEvent.EwsRequest e) {
            write(b, time, "POST", "/EWS/Exchange.asmx", "", e.user(), e.clientIp(), Traffic.iisUserAgent(e.userAgent()), "",
                    200, 5 + (int) Math.floorMod(time, 400L));
        } else if (event instanceof PlantedEvent.WebRequest e) {
            write(b, time, e.method(), e.stem(), e.query(), e.user(), e.clientIp(), Traffic.iisUserAgent(e.userAgent()),
                    "", e.status(), 5 + (int) Math.floorMod(time, 400L));
        } else {
            return false;
        }
        return true;
    }

    @Override
    public String serverPath(long time) {
        return "inetpub/logs/LogFiles/" + site + "/u_ex" + Clock.yyMMdd(time) + ".log";
    }

    private void write(LineBuffer b, long time, String method, String stem, String query, String user, String clientIp,
                       String agent, String referer, int status, int timeTaken) {
        Clock.date(b, time);
        b.ch(' ');
        Clock.time(b, time);
        b.ch(' ').ascii(serverIp).ch(' ').ascii(method).ch(' ').ascii(stem).ch(' ');
        dash(b, query).ascii(" 443 ");
        dash(b, user).ch(' ').ascii(clientIp).ch(' ');
        dash(b, agent).ch(' ');
        dash(b, referer).ch(' ').num(status).ascii(" 0 0 ").num(timeTaken).crlf();
    }

    private static LineBuffer dash(LineBuffer b, String v) {
        return v.isEmpty() ? b.ch('-') : b.ascii(v);
    }
}
