package org.exhunt.testkit.logs;

import java.util.List;
import java.util.SplittableRandom;

/**
 * HttpProxy logs of one protocol folder (Exchange 2016 CU22 / 2019 CU11 column set), with the bare CSV header
 * line before the {@code #} block or without it.
 */
final class HttpProxyDialect extends ExchangeCsvDialect {

    static final List<String> COLUMNS = List.of("DateTime", "RequestId", "MajorVersion", "MinorVersion", "BuildVersion",
            "RevisionVersion", "ClientRequestId", "Protocol", "UrlHost", "UrlStem", "ProtocolAction", "AuthenticationType",
            "IsAuthenticated", "AuthenticatedUser", "Organization", "AnchorMailbox", "UserAgent", "ClientIpAddress",
            "ServerHostName", "HttpStatus", "BackEndStatus", "ErrorCode", "Method", "ProxyAction", "TargetServer",
            "TargetServerVersion", "RoutingType", "RoutingHint", "BackEndCookie", "ServerLocatorHost",
            "ServerLocatorLatency", "RequestBytes", "ResponseBytes", "TargetOutstandingRequests", "AuthModulePerfContext",
            "HttpPipelineLatency", "CalculateTargetBackEndLatency", "GlsLatencyBreakup", "TotalGlsLatency",
            "AccountForestLatencyBreakup", "TotalAccountForestLatency", "ResourceForestLatencyBreakup",
            "TotalResourceForestLatency", "ADLatency", "SharedCacheLatencyBreakup", "TotalSharedCacheLatency",
            "ActivityContextLifeTime", "ModuleToHandlerSwitchingLatency", "ClientReqStreamLatency", "BackendReqInitLatency",
            "BackendReqStreamLatency", "BackendProcessingLatency", "BackendRespInitLatency", "BackendRespStreamLatency",
            "ClientRespStreamLatency", "KerberosAuthHeaderLatency", "HandlerCompletionLatency", "RequestHandlerLatency",
            "HandlerToModuleSwitchingLatency", "ProxyTime", "CoreLatency", "RoutingLatency", "HttpProxyOverhead",
            "TotalRequestTime", "RouteRefresherLatency", "UrlQuery", "BackEndGenericInfo", "GenericInfo", "GenericErrors",
            "EdgeTraceId", "DatabaseGuid", "UserADObjectGuid", "PartitionEndpointLookupLatency", "RoutingStatus");

    private final String protocol;

    HttpProxyDialect(String protocol, String server, String build, boolean bareHeader) {
        super("HttpProxy Logs", COLUMNS, server, build, bareHeader);
        this.protocol = protocol;
    }

    @Override
    public void line(LineBuffer b, long time, SplittableRandom r) {
        Traffic.Request q = Traffic.request(protocol, r);
        String user = Traffic.pick(Traffic.USERS, r);
        boolean auth = q.status() != 401;
        write(b, time, r, q.stem(), q.query(), q.method(), q.status(), auth ? "CONTOSO\\" + user : "",
                auth ? "Sid~S-1-5-21-1004336348-1177238915-682003330-" + (1100 + r.nextInt(400)) : "",
                Traffic.pick(Traffic.USER_AGENTS, r), Traffic.clientIp(r), auth ? "NTLM" : "Negotiate", "");
    }

    @Override
    public boolean planted(LineBuffer b, long time, PlantedEvent event) {
        SplittableRandom r = new SplittableRandom(time);
        if (event instanceof PlantedEvent.ProxyLogonSsrf e && protocol.equalsIgnoreCase("Ecp")) {
            write(b, time, r, "/ecp/y.js", "", "POST", 200, "", "ServerInfo~a]@" + e.backendHost() + ":444/" + e.path() + "#",
                    "python-requests/2.25.1", e.attackerIp(), "X-BEResource-Cookie", "");
        } else if (event instanceof PlantedEvent.OabWebShellWrite e && protocol.equalsIgnoreCase("Ecp")) {
            write(b, time, r, "/ecp/y.js", "", "POST", 200, "", "ServerInfo~a]@" + e.backendHost()
                    + ":444/ecp/DDI/DDIService.svc/SetObject?msExchEcpCanary=M1xS&schema=ResetOABVirtualDirectory#",
                    "python-requests/2.25.1", e.attackerIp(), "X-BEResource-Cookie", "");
        } else if (event instanceof PlantedEvent.ProxyShell e && protocol.equalsIgnoreCase("Autodiscover")) {
            write(b, time, r, "/autodiscover/autodiscover.json", "?@" + e.email() + "/" + e.target()
                    + "?&Email=autodiscover/autodiscover.json%3F@" + e.email(), "GET", 200, "", "", "python-requests/2.25.1",
                    e.attackerIp(), "Basic", "");
        } else if (event instanceof PlantedEvent.WebShellRequest e && protocol.equalsIgnoreCase("Owa")
                && e.path().toLowerCase(java.util.Locale.ROOT).startsWith("/owa/")) {
            write(b, time, r, e.path(), "", "POST", 200, "", "", "antSword/v2.1", e.attackerIp(), "", "");
        } else if (event instanceof PlantedEvent.EwsRequest e && protocol.equalsIgnoreCase("Ews")) {
            write(b, time, r, "/EWS/Exchange.asmx", "", "POST", 200, e.user(), "", e.userAgent().replace(',', ' '), e.clientIp(),
                    "NTLM", "");
        } else if (event instanceof PlantedEvent.WebRequest e && protocol.equalsIgnoreCase(e.proxyFolder())) {
            write(b, time, r, e.stem(), e.query().isEmpty() ? "" : "?" + e.query(), e.method(), e.status(), e.user(),
                    e.anchorMailbox(), e.userAgent().replace(',', ' '), e.clientIp(), e.user().isEmpty() ? "" : "Basic", "");
        } else {
            return false;
        }
        return true;
    }

    @Override
    public String serverPath(long time) {
        return "Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/" + protocol + "/HttpProxy_"
                + Clock.yyyyMMddHH(time) + "-1.LOG";
    }

    private void write(LineBuffer b, long time, SplittableRandom r, String stem, String query, String method, int status,
                       String user, String anchor, String agent, String clientIp, String authType, String errors) {
        int total = 2 + r.nextInt(300);
        Clock.iso(b, time);
        b.ch(',');
        Traffic.guid(b, r);
        b.ch(',').ascii(buildParts[0]).ch(',').ascii(buildParts[1]).ch(',').ascii(buildParts[2]).ch(',').ascii(buildParts[3]);
        b.ascii(",,").ascii(protocol).ascii(",mail.contoso.com,").ascii(stem).ascii(",,").ascii(authType).ch(',')
                .ascii(user.isEmpty() ? "false" : "true").ch(',');
        csv(b, user).ascii(",,");
        csv(b, anchor).ch(',');
        csv(b, agent).ch(',').ascii(clientIp).ch(',').ascii(server).ch(',').num(status).ch(',').num(status).ascii(",,")
                .ascii(method).ascii(",Proxy,").ascii(server.toLowerCase()).ascii(".contoso.local,").ascii(longBuild)
                .ascii(",IntraForest,WindowsIdentity,Database~fb7adba2-51f4-47e3-b170-fd39f85aaf35~~2021-04-02T18:59:59,,,")
                .num(200 + r.nextInt(5000)).ch(',').num(300 + r.nextInt(90000)).ascii(",,,0,")
                .num(r.nextInt(3)).ascii(",,0,,0,,0,0,,0,").num(total).ascii(",0,1,0,0,").num(total - 2)
                .ascii(",0,0,0,0,0,").num(total).ascii(",0,").num(total - 1).ascii(",1,1,1,").num(total).ascii(",,");
        csv(b, query).ascii(",,BeginRequest=");
        Clock.iso(b, time - total);
        b.ascii(";CorrelationID=<empty>;ProxyState-Run=None;FEAuth=BEVersion-1942063431;BeginGetResponse=");
        Clock.iso(b, time - total + 1);
        b.ascii(";OnResponseReady=");
        Clock.iso(b, time - 1);
        b.ascii(";EndGetResponse=");
        Clock.iso(b, time - 1);
        b.ascii(";ProxyState-Complete=ProxyResponseData;SharedCacheGuard=0;EndRequest=");
        Clock.iso(b, time);
        b.ascii(";,");
        csv(b, errors).ascii(",,,,,CafeV1").crlf();
    }
}
