package org.exhunt.testkit.image;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;

/**
 * The ordinary events of an Exchange server's event logs, drawn from a seeded random source: topology and
 * assistant messages in Application, administrators' cmdlets in MSExchange Management, network logons and the
 * processes Exchange itself starts in Security and Sysmon.
 */
final class EventBackground {

    private static final String EXCHANGE_BIN = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\";
    private static final String W3WP = "c:\\windows\\system32\\inetsrv\\w3wp.exe";
    private static final String[] ADMIN_CMDLETS = {
        "Get-Mailbox|-Identity \"alice\"",
        "Get-ExchangeServer|",
        "Get-MailboxDatabase|-Status:$true",
        "Set-Mailbox|-Identity \"bob\" -ProhibitSendQuota \"9.5 GB\"",
        "Get-MailboxStatistics|-Identity \"carol\"",
        "Get-Queue|",
        "Test-ServiceHealth|",
        "Get-OabVirtualDirectory|-Server \"EXCH01\"",
    };
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "svc-backup", "HealthMailbox7f3c2a1b"};

    private EventBackground() {}

    /**
     * The ordinary events of one event log over a span, about {@code perDay} a day, in time order: made as they are
     * read, so that a large log is never held whole.
     */
    static Iterator<EvtxEvent> of(LogKind kind, Instant from, Instant to, int perDay, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long span = Duration.between(from, to).toMillis();
        int n = (int) Math.max(1, span * perDay / 86_400_000L);
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) offsets[i] = r.nextLong(span);
        Arrays.sort(offsets);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public EvtxEvent next() {
                if (next == n) throw new NoSuchElementException();
                return event(kind, from.plusMillis(offsets[next++]), r);
            }
        };
    }

    private static EvtxEvent event(LogKind kind, Instant t, SplittableRandom r) {
        return switch (kind) {
            case APPLICATION -> application(t, r);
            case MANAGEMENT -> {
                String[] c = ADMIN_CMDLETS[r.nextInt(ADMIN_CMDLETS.length)].split("\\|", -1);
                yield EventSamples.cmdlet(t, 1, c[0], c[1], "contoso.local/Users/mallory.admin",
                        "Remote-ManagementShell-Unknown", (4000 + r.nextInt(4000)) + " w3wp#MSExchangePowerShellAppPool");
            }
            case SECURITY -> r.nextInt(4) == 0
                    ? EventSamples.securityProcess(t, "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe",
                            "\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe\" /noconfig /fullpaths"
                                    + " @\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files\\owa\\b2f0c1a4\\"
                                    + Long.toHexString(r.nextLong() & 0xffffffffL) + ".cmdline\"", W3WP,
                            0x1000 + r.nextInt(0x4000), 0x1aec)
                    : EventSamples.securityLogon(t, USERS[r.nextInt(USERS.length)], "CONTOSO", 3,
                            "10.1.2." + (30 + r.nextInt(40)), 0x100000L + r.nextInt(0xfffff));
            case SYSMON -> sysmon(t, r);
            default -> throw new IllegalArgumentException(kind + " is no event log");
        };
    }

    private static EvtxEvent application(Instant t, SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> EvtxEvent.builder("MSExchange ADAccess", "Application", 2080, t).qualifiers(16388).task(6)
                    .keywords(0x80000000000000L).layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML).computer(EventSamples.COMPUTER)
                    .unnamedData("w3wp.exe", "6892", "Topology discovery: DC01.contoso.local CDG 1 7 7 1 0 0 1 7 1")
                    .build();
            case 1 -> EvtxEvent.builder("MSExchangeFastSearch", "Application", 1009, t).qualifiers(16388).task(1)
                    .keywords(0x80000000000000L).layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML).computer(EventSamples.COMPUTER)
                    .unnamedData("The indexing of mailbox database DB01 is up to date.")
                    .build();
            default -> EvtxEvent.builder("MSExchange Assistants", "Application", 9018, t).qualifiers(16388).task(1)
                    .keywords(0x80000000000000L).layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML).computer(EventSamples.COMPUTER)
                    .unnamedData("EXCH01", "Managed Folder Assistant", "DB01", String.valueOf(r.nextInt(400)))
                    .build();
        };
    }

    private static EvtxEvent sysmon(Instant t, SplittableRandom r) {
        long pid = 2000 + r.nextInt(9000);
        String guid = String.format("0197231e-%04x-%04x-%04x-000000000800", r.nextInt(0x10000), r.nextInt(0x10000),
                r.nextInt(0x10000));
        return switch (r.nextInt(3)) {
            case 0 -> EventSamples.sysmonProcess(t, guid, pid, EXCHANGE_BIN + "MSExchangeHMWorker.exe",
                    "Microsoft Exchange Health Manager Worker", "MSExchangeHMWorker.exe",
                    "\"" + EXCHANGE_BIN + "MSExchangeHMWorker.exe\" -pipe:" + (1000 + r.nextInt(8000)) + " -workerListening",
                    EXCHANGE_BIN + "MSExchangeHMHost.exe", "\"" + EXCHANGE_BIN + "MSExchangeHMHost.exe\"",
                    "NT AUTHORITY\\SYSTEM", 3124);
            case 1 -> EventSamples.sysmonProcess(t, guid, pid, "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe",
                    "Visual C# Command Line Compiler", "csc.exe",
                    "\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe\" /noconfig /fullpaths @\"C:\\Windows\\"
                            + "Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files\\owa\\b2f0c1a4\\"
                            + Long.toHexString(r.nextLong() & 0xffffffffL) + ".cmdline\"",
                    W3WP, W3WP + " -ap \"MSExchangeOWAAppPool\" -v \"v4.0\" -c \"C:\\Program Files\\Microsoft\\Exchange"
                            + " Server\\V15\\bin\\GenericAppPoolConfigWithGCServerEnabledFalse.config\"",
                    "NT AUTHORITY\\SYSTEM", 6892);
            default -> EventSamples.sysmonFileCreate(t, guid, pid, EXCHANGE_BIN + "Microsoft.Exchange.ServiceHost.exe",
                    "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\ClientAccess\\OAB\\Temp\\oab-lzx-"
                            + Integer.toHexString(r.nextInt(0x10000)) + ".tmp");
        };
    }
}
