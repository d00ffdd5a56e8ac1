package org.exhunt.testkit.image;

/** The logs a server image can hold, each written where the server keeps it. */
public enum LogKind {
    /** IIS W3C logs of the front end, {@code inetpub\logs\LogFiles\W3SVC1}. */
    IIS(null),
    /** IIS W3C logs of the Exchange Back End site, {@code inetpub\logs\LogFiles\W3SVC2}: everyday traffic only. */
    IIS_BACKEND(null),
    /** HttpProxy logs, one folder per protocol. */
    HTTPPROXY(null),
    /** {@code Logging\ECP\Server}. */
    ECP_SERVER(null),
    /** {@code Logging\OABGeneratorLog}. */
    OAB_GENERATOR(null),
    /** {@code Logging\Ews}: the SOAP action, mailbox and client of each EWS request. */
    EWS(null),
    /** {@code TransportRoles\Logs\MessageTracking}: the mail flow. */
    MESSAGE_TRACKING(null),
    APPLICATION("Application"),
    MANAGEMENT("MSExchange Management"),
    SECURITY("Security"),
    SYSMON("Microsoft-Windows-Sysmon%4Operational");

    private static final String EVENT_LOGS = "Windows/System32/winevt/Logs/";
    private final String evtxName;

    LogKind(String evtxName) {
        this.evtxName = evtxName;
    }

    public boolean isEventLog() {
        return evtxName != null;
    }

    /** The event log's file on the drive ('/'-separated), for the event-log kinds. */
    public String evtxPath() {
        if (evtxName == null) throw new IllegalStateException(this + " is no event log");
        return EVENT_LOGS + evtxName + ".evtx";
    }
}
