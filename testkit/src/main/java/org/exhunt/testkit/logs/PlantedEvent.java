package org.exhunt.testkit.logs;

import java.time.Instant;

/**
 * An attack step planted in generated logs. Each log kind writes the trace the step leaves in that log, the
 * way Exchange and IIS write it; a kind the step leaves no trace in ignores it (an OAB download failure shows
 * only in OABGeneratorLog). Every planted event appears exactly once per log that shows it, at its time (or at
 * the start of the log when its time is earlier, or at the end when the log reaches its size first).
 */
public sealed interface PlantedEvent {

    /** When it happened. */
    Instant at();

    /**
     * ProxyLogon's SSRF (CVE-2021-26855): a request to {@code /ecp/<x>.js} whose {@code X-BEResource} cookie
     * sends it to the back end, logged by HttpProxy with AnchorMailbox {@code ServerInfo~a]@<backend>:444/<path>#}
     * and no authenticated user; in IIS a POST to the same {@code .js}.
     *
     * @param path the back-end path, e.g. {@code ecp/DDI/DDIService.svc/SetObject?schema=ResetOABVirtualDirectory}
     */
    record ProxyLogonSsrf(Instant at, String attackerIp, String backendHost, String path) implements PlantedEvent {
        /** The probe every ProxyLogon exploit starts with. */
        public static ProxyLogonSsrf probe(Instant at, String attackerIp, String backendHost) {
            return new ProxyLogonSsrf(at, attackerIp, backendHost, "autodiscover/autodiscover.xml?");
        }
    }

    /**
     * ProxyShell's path confusion (CVE-2021-34473): {@code /autodiscover/autodiscover.json?@<email>/<target>?&Email=autodiscover/autodiscover.json%3F@<email>},
     * answered 200; in IIS and in the Autodiscover HttpProxy log.
     *
     * @param target the back-end endpoint, e.g. {@code mapi/nspi/} or {@code powershell/}
     */
    record ProxyShell(Instant at, String attackerIp, String email, String target) implements PlantedEvent {}

    /**
     * CVE-2021-27065's web-shell write: ECP runs {@code Set-OabVirtualDirectory -ExternalUrl 'http://f/<script…>'}
     * (ECP Server log), reached through the SSRF (IIS and HttpProxy: {@code /ecp/DDI/DDIService.svc/SetObject}).
     */
    record OabWebShellWrite(Instant at, String attackerIp, String backendHost) implements PlantedEvent {}

    /**
     * CVE-2021-26858's file write, as OABGeneratorLog records it:
     * {@code Download failed and temporary file '<path>' needs to be removed}.
     */
    record OabDownloadFailed(Instant at, String path) implements PlantedEvent {}

    /**
     * A request to a dropped web shell ({@code /aspnet_client/system_web/errorEE.aspx}): in IIS, and in the OWA
     * HttpProxy log when the shell lies under {@code /owa/}.
     */
    record WebShellRequest(Instant at, String attackerIp, String path) implements PlantedEvent {}

    /**
     * Any request as IIS logs it and, when the front end proxies it to a back end, as the HttpProxy log of its
     * protocol folder logs it: the building block of scenario-built attack steps.
     *
     * @param method        {@code GET}, {@code POST}, ...
     * @param stem          the URL path as received ({@code /autodiscover/autodiscover.json})
     * @param query         the query without its {@code ?}, as received (percent-encoding kept), or empty
     * @param user          the authenticated user ({@code CONTOSO\alice}), or empty
     * @param userAgent     the user agent as the client sent it (IIS writes its spaces as {@code +})
     * @param status        the HTTP status returned
     * @param proxyFolder   the HttpProxy protocol folder that logs the request ({@code Ecp}, {@code Autodiscover},
     *                      {@code Owa}, ...), or null when the front end does not proxy it (e.g. {@code /aspnet_client/})
     * @param anchorMailbox HttpProxy's AnchorMailbox value, or empty
     */
    record WebRequest(Instant at, String clientIp, String method, String stem, String query, String user,
                      String userAgent, int status, String proxyFolder, String anchorMailbox) implements PlantedEvent {}

    /**
     * A command ECP ran, as the ECP Server log records it.
     *
     * @param command the {@code S:CMD} value ({@code Set-OabVirtualDirectory.ExternalUrl='...'.Identity='...'}), as ECP
     *                writes it before quoting the pair
     * @param url     the ECP URL that ran it ({@code /ecp/DDI/DDIService.svc/SetObject?...})
     */
    record EcpCommand(Instant at, String command, String url) implements PlantedEvent {}

    /**
     * A request to Exchange Web Services as the EWS log records it (SOAP action, user, client), and as IIS and the
     * {@code Ews} HttpProxy log record the POST to {@code /EWS/Exchange.asmx}: how ProxyLogon's intruders read
     * mailboxes ({@code FindItem}, {@code GetItem}), often with odd clients such as
     * {@code ExchangeServicesClient/0.0.0.0} (CISA AA21-062A).
     *
     * @param user       the authenticated user ({@code CONTOSO\alice}, {@code alice@contoso.com})
     * @param soapAction {@code FindItem}, {@code GetItem}, {@code GetFolder}, ...
     * @param userAgent  the client as it sent itself
     */
    record EwsRequest(Instant at, String clientIp, String user, String soapAction, String userAgent) implements PlantedEvent {}

    /**
     * A cmdlet run through remote PowerShell ({@code /powershell}), as the RPS cmdlet log records it: ProxyShell's
     * {@code New-ManagementRoleAssignment -Role "Mailbox Import Export"} and {@code New-MailboxExportRequest}
     * (the request that carried it is a {@link ProxyShell}).
     *
     * @param user       who ran it ({@code CONTOSO\Administrator})
     * @param parameters as PowerShell writes them ({@code -Mailbox "alice@contoso.com" -FilePath "\\localhost\c$\..."})
     */
    record RemotePowerShellCmdlet(Instant at, String user, String cmdlet, String parameters) implements PlantedEvent {}

    /**
     * A message sent out of the organisation (mailbox contents mailed out, or copies sent by a forwarding rule the
     * intruder set), as Message Tracking records its {@code SEND} over SMTP.
     */
    record MailSent(Instant at, String sender, String recipient, String subject, long bytes) implements PlantedEvent {}
}
