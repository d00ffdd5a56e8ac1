package org.exhunt.bench.hunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxValue;
import org.exhunt.testkit.evtx.EvtxWriter;

/**
 * The Windows event logs of the image: Application, MSExchange Management, Security and Sysmon, each filled with an
 * Exchange server's everyday events up to its size over its time span, with the intrusion's events in time order.
 */
final class EventLogs {

    static final String FOLDER = "Windows/System32/winevt/Logs/";
    static final String APPLICATION = "Application.evtx";
    static final String MANAGEMENT = "MSExchange Management.evtx";
    static final String SECURITY = "Security.evtx";
    static final String SYSMON = "Microsoft-Windows-Sysmon%4Operational.evtx";

    private static final long CLASSIC = 0x80000000000000L;
    private static final int SAMPLE_EVENTS = 2_000;

    private EventLogs() {}

    /**
     * Writes one event log of about {@code bytes}: as many everyday events as fit, spread evenly from {@code from} to
     * {@code to}. Returns the bytes written.
     */
    static long write(Path drive, String log, long bytes, Instant from, Instant to) throws IOException {
        Path file = drive.resolve(FOLDER + log);
        Files.createDirectories(file.getParent());
        Deque<EvtxEvent> planted = new ArrayDeque<>(Intrusion.events(log).stream()
                .sorted(Comparator.comparing(EvtxEvent::time)).toList());
        SplittableRandom r = new SplittableRandom(log.hashCode());
        long expected = Math.max(1, bytes / averageEventBytes(log));
        Duration gap = Duration.between(from, to).dividedBy(expected);
        Instant t = from;
        try (EvtxWriter writer = EvtxWriter.create(file)) {
            for (long n = 0; t.isBefore(to); n++, t = t.plus(gap)) {
                while (!planted.isEmpty() && !planted.peek().time().isAfter(t)) writer.write(planted.poll());
                writer.write(everyday(log, t, n, r));
            }
            while (!planted.isEmpty()) writer.write(planted.poll());
        }
        Files.setLastModifiedTime(file, FileTime.from(t));
        return Files.size(file);
    }

    /** The bytes an everyday event of this log takes in the file, chunk overhead included, from a sample. */
    private static long averageEventBytes(String log) {
        SplittableRandom r = new SplittableRandom(1);
        List<EvtxEvent> sample = new ArrayList<>();
        for (int i = 0; i < SAMPLE_EVENTS; i++) sample.add(everyday(log, Instant.EPOCH.plusSeconds(i), i, r));
        return Math.max(1, EvtxWriter.toBytes(sample).length / SAMPLE_EVENTS);
    }

    private static EvtxEvent everyday(String log, Instant t, long n, SplittableRandom r) {
        return switch (log) {
            case APPLICATION -> application(t, r);
            case MANAGEMENT -> EventSamples.cmdlet(t, 1, CMDLETS[r.nextInt(CMDLETS.length)],
                    "-Identity \"user" + r.nextInt(400) + "@contoso.local\"");
            case SECURITY -> r.nextInt(3) == 0 ? process(t, r) : logon(t, r);
            case SYSMON -> sysmon(t, n, r);
            default -> throw new IllegalArgumentException(log);
        };
    }

    private static EvtxEvent sysmon(Instant t, long n, SplittableRandom r) {
        String image = PROCESSES[r.nextInt(PROCESSES.length)];
        return EventSamples.sysmonProcess(t, image, "\"" + image + "\" " + n, "C:\\Windows\\System32\\services.exe",
                "C:\\Windows\\system32\\services.exe", "NT AUTHORITY\\SYSTEM");
    }

    private static final String[] CMDLETS = {"Get-Mailbox", "Get-MailboxStatistics", "Get-ExchangeServer", "Get-MailboxDatabase",
        "Set-Mailbox", "Get-OwaVirtualDirectory", "Get-Recipient", "Get-DistributionGroupMember", "Test-ServiceHealth"};
    private static final String[] PROCESSES = {"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\MSExchangeHMWorker.exe",
        "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\Microsoft.Exchange.Search.Service.exe",
        "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\noderunner.exe",
        "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe", "C:\\Windows\\System32\\taskhostw.exe"};
    private static final String[][] APPLICATION_EVENTS = {
        {"MSExchange ADAccess", "2080", "Process Microsoft.Exchange.Directory.TopologyService.exe (PID=2412). Exchange Active"
                + " Directory Provider has discovered the following servers with the following characteristics: Server name |"
                + " Roles | Enabled | Reachability | Synchronized | GC capable | PDC | SACL right | Critical Data | Netlogon |"
                + " OS Version DC01.contoso.local CDG 1 7 7 1 0 1 1 7 1"},
        {"ESE", "326", "Information Store - Mailbox Database 0523115412 (6120,D,50) Mailbox Database 0523115412: The database"
                + " engine attached a database (1, E:\\Databases\\MDB01\\MDB01.edb). (Time=0 seconds)"},
        {"MSExchangeFastSearch", "1009", "The indexing of mailbox database Mailbox Database 0523115412 encountered an"
                + " unexpected exception. Error details: none; the catalog is healthy."},
        {"MSExchange Front End HTTP Proxy", "1003", "[Owa] The front end proxy completed a health check of the back end."},
    };

    private static EvtxEvent application(Instant t, SplittableRandom r) {
        String[] e = APPLICATION_EVENTS[r.nextInt(APPLICATION_EVENTS.length)];
        return EvtxEvent.builder(e[0], "Application", Integer.parseInt(e[1]), t)
                .qualifiers(16388).level(4).keywords(CLASSIC).computer(EventSamples.COMPUTER)
                .layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML).unnamedData(e[2], Integer.toString(r.nextInt(10_000)))
                .build();
    }

    private static EvtxEvent logon(Instant t, SplittableRandom r) {
        return EvtxEvent.builder("Microsoft-Windows-Security-Auditing", "Security", 4624, t)
                .providerGuid("54849625-5478-4994-a5ba-3e3b0328c30d").version(2).task(12544).keywords(0x8020000000000000L)
                .process(708, 1200 + r.nextInt(500)).computer(EventSamples.COMPUTER)
                .data("SubjectUserSid", EvtxValue.sid("S-1-5-18"))
                .data("SubjectUserName", "EXCH01$")
                .data("SubjectDomainName", "CONTOSO")
                .data("TargetUserName", "HealthMailbox" + Integer.toHexString(r.nextInt(1 << 16)))
                .data("TargetDomainName", "CONTOSO")
                .data("LogonType", EvtxValue.uint32(3))
                .data("LogonProcessName", "Kerberos")
                .data("AuthenticationPackageName", "Kerberos")
                .data("IpAddress", "10.1.2." + r.nextInt(256))
                .data("IpPort", Integer.toString(49152 + r.nextInt(16000)))
                .build();
    }

    private static EvtxEvent process(Instant t, SplittableRandom r) {
        String image = PROCESSES[r.nextInt(PROCESSES.length)];
        return EvtxEvent.builder("Microsoft-Windows-Security-Auditing", "Security", 4688, t)
                .providerGuid("54849625-5478-4994-a5ba-3e3b0328c30d").version(2).task(13312).keywords(0x8020000000000000L)
                .process(4, 7412).computer(EventSamples.COMPUTER)
                .data("SubjectUserSid", EvtxValue.sid("S-1-5-18"))
                .data("SubjectUserName", "EXCH01$")
                .data("NewProcessId", EvtxValue.hex64(0x1000 + r.nextInt(0x8000)))
                .data("NewProcessName", image)
                .data("CommandLine", "\"" + image + "\"")
                .data("ParentProcessName", "C:\\Windows\\System32\\services.exe")
                .build();
    }
}
