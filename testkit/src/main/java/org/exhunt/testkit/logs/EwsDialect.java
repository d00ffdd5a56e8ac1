package org.exhunt.testkit.logs;

import java.util.List;
import java.util.SplittableRandom;

/**
 * EWS logs ({@code Logging/Ews}): one line per Exchange Web Services request, with its SOAP action, user and
 * client; with the bare CSV header line before the {@code #} block or without it.
 */
final class EwsDialect extends ExchangeCsvDialect {

    static final List<String> COLUMNS = List.of("DateTime", "RequestId", "MajorVersion", "MinorVersion", "BuildVersion",
            "RevisionVersion", "ClientRequestId", "AuthenticationType", "IsAuthenticated", "AuthenticatedUser", "Organization",
            "UserAgent", "VersionInfo", "ClientIpAddress", "ServerHostName", "FrontEndServer", "SoapAction", "HttpStatus",
            "RequestSize", "ResponseSize", "ErrorCode", "ImpersonatedUser", "ProxyAsUser", "ActAsUser", "TotalRequestTime",
            "GenericInfo", "AuthenticationErrors", "GenericErrors");

    private static final String[] ACTIONS = {"GetFolder", "FindItem", "GetItem", "SyncFolderItems", "SyncFolderHierarchy",
        "GetUserAvailability", "Subscribe", "GetStreamingEvents", "GetUserOofSettings", "ResolveNames", "GetUserPhoto"};

    /** The everyday EWS clients: Outlook for Mac, mobile apps, Outlook's free/busy lookups, monitoring probes. */
    private static final String[] CLIENTS = {
        "MacOutlook/16.46.21021202 (Intelx64 Mac OS X Version 11.2.1 (Build 20D74))",
        "Outlook-iOS-Android/1.0",
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13801; Pro)",
        "ExchangeServicesClient/15.01.2176.002",
        "AMProbe/Local/ClientAccess",
    };

    EwsDialect(String server, String build, boolean bareHeader) {
        super("EWS Logs", COLUMNS, server, build, bareHeader);
    }

    @Override
    public void line(LineBuffer b, long time, SplittableRandom r) {
        write(b, time, r, Traffic.pick(Traffic.USERS, r) + "@contoso.com", Traffic.pick(CLIENTS, r), Traffic.clientIp(r),
                Traffic.pick(ACTIONS, r));
    }

    @Override
    public boolean planted(LineBuffer b, long time, PlantedEvent event) {
        if (!(event instanceof PlantedEvent.EwsRequest e)) return false;
        write(b, time, new SplittableRandom(time), e.user(), e.userAgent(), e.clientIp(), e.soapAction());
        return true;
    }

    @Override
    public String serverPath(long time) {
        return "Program Files/Microsoft/Exchange Server/V15/Logging/Ews/Ews_" + Clock.yyyyMMddHH(time) + "-1.LOG";
    }

    private void write(LineBuffer b, long time, SplittableRandom r, String user, String agent, String clientIp, String action) {
        int total = 3 + r.nextInt(400);
        row(b, Clock.iso(time), Traffic.guid(r), buildParts[0], buildParts[1], buildParts[2], buildParts[3],
                "", "NTLM", "true", user, "", agent, "Exchange2013_SP1", clientIp, server, server + ".contoso.local",
                action, "200", Integer.toString(400 + r.nextInt(4000)), Integer.toString(600 + r.nextInt(60_000)), "", "",
                "", "", Integer.toString(total), "ActivityID=" + Traffic.guid(r) + ";BackEndAuthenticator=WindowsAuthenticator;",
                "", "");
    }
}
