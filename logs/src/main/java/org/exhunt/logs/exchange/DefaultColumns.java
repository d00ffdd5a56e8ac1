package org.exhunt.logs.exchange;

import java.util.List;

/**
 * Column sets assumed for a file whose header was lost (a copy that starts mid-file), only when a line has
 * exactly that many values. Bind by the file's own header whenever there is one: the sets differ by version.
 */
final class DefaultColumns {

    private DefaultColumns() {}

    /** HttpProxy, Exchange 2016 CU22 / 2019 CU11. */
    static final List<String> HTTPPROXY = List.of("DateTime", "RequestId", "MajorVersion", "MinorVersion",
            "BuildVersion", "RevisionVersion", "ClientRequestId", "Protocol", "UrlHost", "UrlStem", "ProtocolAction",
            "AuthenticationType", "IsAuthenticated", "AuthenticatedUser", "Organization", "AnchorMailbox", "UserAgent",
            "ClientIpAddress", "ServerHostName", "HttpStatus", "BackEndStatus", "ErrorCode", "Method", "ProxyAction",
            "TargetServer", "TargetServerVersion", "RoutingType", "RoutingHint", "BackEndCookie", "ServerLocatorHost",
            "ServerLocatorLatency", "RequestBytes", "ResponseBytes", "TargetOutstandingRequests",
            "AuthModulePerfContext", "HttpPipelineLatency", "CalculateTargetBackEndLatency", "GlsLatencyBreakup",
            "TotalGlsLatency", "AccountForestLatencyBreakup", "TotalAccountForestLatency",
            "ResourceForestLatencyBreakup", "TotalResourceForestLatency", "ADLatency", "SharedCacheLatencyBreakup",
            "TotalSharedCacheLatency", "ActivityContextLifeTime", "ModuleToHandlerSwitchingLatency",
            "ClientReqStreamLatency", "BackendReqInitLatency", "BackendReqStreamLatency", "BackendProcessingLatency",
            "BackendRespInitLatency", "BackendRespStreamLatency", "ClientRespStreamLatency",
            "KerberosAuthHeaderLatency", "HandlerCompletionLatency", "RequestHandlerLatency",
            "HandlerToModuleSwitchingLatency", "ProxyTime", "CoreLatency", "RoutingLatency", "HttpProxyOverhead",
            "TotalRequestTime", "RouteRefresherLatency", "UrlQuery", "BackEndGenericInfo", "GenericInfo",
            "GenericErrors", "EdgeTraceId", "DatabaseGuid", "UserADObjectGuid", "PartitionEndpointLookupLatency",
            "RoutingStatus");

    /** ECP Server and ECP Activity logs. */
    static final List<String> ECP = List.of("TimeStamp", "ServerName", "EventId", "EventData");

    static List<String> of(ExchangeLogKind kind) {
        return switch (kind) {
            case HTTPPROXY -> HTTPPROXY;
            case ECP_SERVER, ECP_ACTIVITY -> ECP;
            default -> null;
        };
    }
}
