package org.exhunt.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.iis.IisLogReader;
import org.exhunt.sigma.Placeholders;
import org.exhunt.sigma.SigmaLoader;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.SigmaScanner;
import org.exhunt.sigma.mapping.Mappings;

/**
 * Throughput of the Sigma engine, one thread: the whole SigmaHQ rule set (so all webserver rules and all
 * Windows rules, each routed to its records) over generated IIS log lines, read with the IIS reader, and over
 * generated Sysmon records (field maps shaped like the EVTX reader's). Not a test: run by {@code bench/sigma-throughput.sh}. Before timing, the firings on a sample are
 * compared with an exhaustive evaluation, so a fast but wrong prefilter fails the run.
 *
 * <p>Arguments: the SigmaHQ rule folder, the project's rules/ folder, optionally the record count and
 * {@code iis}, {@code sysmon} or {@code both} (the default).
 */
public final class SigmaBenchmark {

    private SigmaBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path sigmahq = Path.of(args[0]);
        Path rulesDir = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;

        long t0 = System.nanoTime();
        SigmaRules rules = load(sigmahq, rulesDir);
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("loaded %d rules (%d inactive, %d unrouted, %d problems) in %d ms%n", rules.loaded().size(),
                rules.inactive().size(), rules.unrouted().size(), rules.problems().size(), loadMs);

        String which = args.length > 3 ? args[3] : "both";
        if (!which.equals("sysmon")) run("IIS (webserver rules)", rules, RecordFactory.iis(count, new Random(1)));
        if (!which.equals("iis")) run("Sysmon (Windows rules)", rules, RecordFactory.sysmon(count, new Random(2)));
    }

    private static SigmaRules load(Path sigmahq, Path rulesDir) throws IOException {
        Map<String, String> mappingFiles = new TreeMap<>();
        try (Stream<Path> s = Files.list(rulesDir.resolve("mappings"))) {
            for (Path f : s.filter(f -> f.toString().endsWith(".yml")).toList()) mappingFiles.put(f.toString(), Files.readString(f));
        }
        List<Diagnostic> problems = new ArrayList<>();
        Mappings mappings = Mappings.parse(mappingFiles, problems::add);
        if (!problems.isEmpty()) throw new IllegalStateException("mapping problems: " + problems);
        SigmaLoader loader = new SigmaLoader(mappings, Placeholders.none());
        loader.loadPath(sigmahq);
        return loader.build();
    }

    private static void run(String name, SigmaRules rules, List<Record> records) {
        SigmaScanner scanner = rules.scanner();
        SigmaScanner reference = rules.exhaustiveScanner();
        long expected = 0;
        long got = 0;
        for (int i = 0; i < records.size(); i += 97) {
            expected += reference.scan(records.get(i)).size();
            got += scanner.scan(records.get(i)).size();
        }
        if (expected != got) throw new IllegalStateException(name + ": prefilter " + got + " firings, exhaustive " + expected);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long firings = 0;
        for (int warm = 0; warm < 2; warm++) firings = pass(scanner, records);
        double best = 0;
        double bestCpu = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            firings = pass(scanner, records);
            double perSecond = records.size() / ((System.nanoTime() - start) / 1e9);
            double perCpuSecond = records.size() / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            best = Math.max(best, perSecond);
            bestCpu = Math.max(bestCpu, perCpuSecond);
            System.out.printf("%-24s round %d: %,.0f records/s wall, %,.0f records per CPU second%n", name, round + 1, perSecond, perCpuSecond);
        }
        System.out.printf("%-24s best %,.0f records/s wall, %,.0f per CPU second; %d records, %d firings per pass (sample check: %d firings agree)%n",
                name, best, bestCpu, records.size(), firings, got);
    }

    private static long pass(SigmaScanner scanner, List<Record> records) {
        long[] firings = {0};
        for (Record r : records) scanner.scan(r, m -> firings[0]++);
        return firings[0];
    }

    /** Generated records; the IIS ones follow the default W3C field set of an Exchange front end. */
    static final class RecordFactory {

        private static final String[] STEMS = {
            "/owa/", "/owa/service.svc", "/owa/auth/logon.aspx", "/owa/sessiondata.ashx", "/ecp/default.aspx",
            "/EWS/Exchange.asmx", "/Microsoft-Server-ActiveSync/default.eas", "/mapi/emsmdb/", "/mapi/nspi/",
            "/autodiscover/autodiscover.xml", "/rpc/rpcproxy.dll", "/owa/prem/15.2.1118.7/scripts/boot.worker.min.js",
            "/OAB/9f3b5a51-5bd4-4d9c-bd34-7c1e2b5a9f0e/oab.xml", "/PowerShell/"};
        private static final String[] QUERIES = {
            "-", "action=GetFolder&ID=-34&AC=1", "Cmd=Ping&User=alice&DeviceId=ABC123&DeviceType=iPhone",
            "mailboxId=1b2c3d4e@contoso.com&smtpAddress=alice@contoso.com", "ver=15.2.1118.7&cver=15.2.1118.7&cpl=0",
            "ClientId=5F0C1B2A3D4E&CorrelationID=<empty>;&cafeReqId=0b8e5c1d-2f3a-4b5c-9d0e-1f2a3b4c5d6e;"};
        private static final String[] AGENTS = {
            "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/119.0.0.0+Safari/537.36",
            "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.16924;+Pro)",
            "Apple-iPhone14C2/2008.80", "MSRPC", "Microsoft+WinRM+Client", "-",
            "Mozilla/5.0+(Macintosh;+Intel+Mac+OS+X+10_15_7)+AppleWebKit/605.1.15+(KHTML,+like+Gecko)+Version/17.1+Safari/605.1.15"};
        private static final String[][] ATTACKS = {
            {"POST", "/ecp/y.js", "-", "ExchangeServicesClient/0.0.0.0"},
            {"GET", "/autodiscover/autodiscover.json", "@evil.com/owa/&Email=autodiscover/autodiscover.json%3F@evil.com", "python-requests/2.25.1"},
            {"POST", "/owa/auth/Current/themes/resources/error.aspx", "-", "Mozilla/5.0+(compatible;+MSIE+9.0)"},
        };

        /** IIS W3C log text with the default field set, read back with the IIS reader. */
        static List<Record> iis(int n, Random r) {
            StringBuilder log = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
                    + "#Date: 2021-03-02 00:00:00\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username"
                    + " c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n");
            for (Record rec : iisFields(n, r)) {
                MapRecord m = (MapRecord) rec;
                Map<String, String> f = m.fields();
                log.append(String.join(" ", f.get("date"), f.get("time"), f.get("s-ip"), f.get("cs-method"), f.get("cs-uri-stem"),
                        f.getOrDefault("cs-uri-query", "-"), f.get("s-port"), f.getOrDefault("cs-username", "-"), f.get("c-ip"),
                        f.getOrDefault("cs(User-Agent)", "-"), "-", f.get("sc-status"), f.get("sc-substatus"),
                        f.get("sc-win32-status"), f.get("time-taken"))).append('\n');
            }
            List<Record> out = new ArrayList<>(n);
            List<Diagnostic> problems = new ArrayList<>();
            try (RecordStream s = new IisLogReader().open("u_ex210302.log",
                    new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)), problems::add)) {
                while (s.hasNext()) out.add(s.next());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!problems.isEmpty() || out.size() != n) throw new IllegalStateException("IIS reader: " + problems);
            return out;
        }

        private static List<Record> iisFields(int n, Random r) {
            List<Record> out = new ArrayList<>(n);
            Instant t = Instant.parse("2021-03-02T00:00:00Z");
            for (int i = 0; i < n; i++) {
                Map<String, String> f = new LinkedHashMap<>();
                boolean attack = r.nextInt(1000) == 0;
                String[] a = attack ? ATTACKS[r.nextInt(ATTACKS.length)] : null;
                t = t.plusMillis(r.nextInt(200));
                String ts = t.toString();
                f.put("date", ts.substring(0, 10));
                f.put("time", ts.substring(11, 19));
                f.put("s-ip", "10.0.0.5");
                f.put("cs-method", attack ? a[0] : (r.nextInt(4) == 0 ? "GET" : "POST"));
                f.put("cs-uri-stem", attack ? a[1] : STEMS[r.nextInt(STEMS.length)]);
                String q = attack ? a[2] : QUERIES[r.nextInt(QUERIES.length)];
                if (!q.equals("-")) f.put("cs-uri-query", q);
                f.put("s-port", "443");
                if (r.nextBoolean()) f.put("cs-username", "CONTOSO\\user" + r.nextInt(500));
                f.put("c-ip", "10.1." + r.nextInt(256) + "." + r.nextInt(256));
                String ua = attack ? a[3].replace(' ', '+') : AGENTS[r.nextInt(AGENTS.length)];
                if (!ua.equals("-")) f.put("cs(User-Agent)", ua);
                f.put("sc-status", attack ? "200" : (r.nextInt(10) == 0 ? "401" : "200"));
                f.put("sc-substatus", "0");
                f.put("sc-win32-status", "0");
                f.put("time-taken", String.valueOf(r.nextInt(900)));
                String raw = String.join(" ", f.values());
                out.add(new MapRecord("iis", f, raw, t, SourceRef.line("u_ex210302.log", i + 5)));
            }
            return out;
        }

        private static final String[][] PROCESSES = {
            {"C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule", "C:\\Windows\\System32\\services.exe"},
            {"C:\\Windows\\System32\\conhost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", "C:\\Windows\\System32\\cmd.exe"},
            {"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\MSExchangeHMWorker.exe", "\"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\MSExchangeHMWorker.exe\" -wp:\"OutlookProxyTestAppPool\"", "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\MSExchangeHMHost.exe"},
            {"C:\\Windows\\System32\\inetsrv\\w3wp.exe", "c:\\windows\\system32\\inetsrv\\w3wp.exe -ap \"MSExchangeOWAAppPool\" -v \"v4.0\" -c \"C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\GenericAppPoolConfigWithGCServerEnabledFalse.config\" -a \\\\.\\pipe\\iisipm -h \"C:\\inetpub\\temp\\apppools\\MSExchangeOWAAppPool\\MSExchangeOWAAppPool.config\" -w \"\" -m 0", "C:\\Windows\\System32\\svchost.exe"},
            {"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell.exe -NoProfile -Command Get-Mailbox -ResultSize 10", "C:\\Windows\\explorer.exe"},
            {"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer --lang=en-US", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"},
            {"C:\\Windows\\System32\\taskhostw.exe", "taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}", "C:\\Windows\\System32\\svchost.exe"},
        };
        private static final String[][] SUSPICIOUS = {
            {"C:\\Windows\\System32\\cmd.exe", "cmd /c whoami /all", "C:\\Windows\\System32\\inetsrv\\w3wp.exe"},
            {"C:\\Windows\\System32\\rundll32.exe", "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 624 C:\\temp\\lsass.dmp full", "C:\\Windows\\System32\\cmd.exe"},
        };

        static List<Record> sysmon(int n, Random r) {
            List<Record> out = new ArrayList<>(n);
            Instant t = Instant.parse("2021-03-02T00:00:00Z");
            for (int i = 0; i < n; i++) {
                Map<String, String> f = new LinkedHashMap<>();
                t = t.plusMillis(r.nextInt(50));
                int kind = r.nextInt(10);
                String eventId = kind < 5 ? "1" : kind < 7 ? "11" : kind < 9 ? "13" : "3";
                f.put("Provider_Name", "Microsoft-Windows-Sysmon");
                f.put("EventID", eventId);
                f.put("Channel", "Microsoft-Windows-Sysmon/Operational");
                f.put("Computer", "EXCH01.contoso.com");
                f.put("UtcTime", t.toString().replace('T', ' ').replace("Z", ""));
                String[] p = r.nextInt(2000) == 0 ? SUSPICIOUS[r.nextInt(SUSPICIOUS.length)] : PROCESSES[r.nextInt(PROCESSES.length)];
                f.put("ProcessGuid", "{5770385F-C22A-43E0-BF4C-" + Integer.toHexString(r.nextInt()) + "}");
                f.put("ProcessId", String.valueOf(r.nextInt(9000)));
                f.put("Image", p[0]);
                switch (eventId) {
                    case "1" -> {
                        f.put("CommandLine", p[1]);
                        f.put("CurrentDirectory", "C:\\Windows\\system32\\");
                        f.put("User", r.nextBoolean() ? "NT AUTHORITY\\SYSTEM" : "CONTOSO\\svc-exch");
                        f.put("IntegrityLevel", "System");
                        f.put("Hashes", "SHA256=" + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong()));
                        f.put("ParentImage", p[2]);
                        f.put("ParentCommandLine", p[2]);
                        f.put("OriginalFileName", p[0].substring(p[0].lastIndexOf('\\') + 1));
                    }
                    case "11" -> f.put("TargetFilename", "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\HttpProxy\\Owa\\HttpProxy_2021030200-" + r.nextInt(9) + ".LOG");
                    case "13" -> {
                        f.put("EventType", "SetValue");
                        f.put("TargetObject", "HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Diagnostics\\Counter" + r.nextInt(100));
                        f.put("Details", "DWORD (0x0000000" + r.nextInt(9) + ")");
                    }
                    default -> {
                        f.put("Protocol", "tcp");
                        f.put("DestinationIp", "10.0.0." + r.nextInt(255));
                        f.put("DestinationPort", "443");
                        f.put("SourceIp", "10.0.0.5");
                    }
                }
                out.add(new MapRecord("evtx", f, f.toString(), t, SourceRef.record("Sysmon.evtx", String.valueOf(i))));
            }
            return out;
        }
    }
}
