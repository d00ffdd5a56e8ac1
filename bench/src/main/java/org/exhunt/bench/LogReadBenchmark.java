package org.exhunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.exhunt.core.Record;
import org.exhunt.logs.LogFiles;
import org.exhunt.logs.RecordStream;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * How fast the log readers turn bytes into records, single-threaded. Run by {@code bench/logs.sh}:
 * <ul>
 *   <li>{@code generate DIR MB}: writes an HttpProxy and an IIS log of about MB megabytes each into DIR;</li>
 *   <li>{@code read FILE PASSES}: reads FILE PASSES times after two warm-up passes, in two modes, and prints
 *       MB/s: {@code records} (every record made, with its time; values decoded only when asked, as rules do)
 *       and {@code every field} (every field of every record decoded to a String through the Record API);</li>
 *   <li>{@code stream GB}: reads GB gigabytes of generated HttpProxy and IIS logs straight from the generator
 *       (nothing on disk) and prints the throughput and the peak heap, for runs with a small {@code -Xmx}.</li>
 * </ul>
 * Each run checks its own answer: the planted ProxyLogon line must be found, so a fast wrong reader fails.
 */
public final class LogReadBenchmark {

    static final Instant START = Instant.parse("2021-03-03T00:00:00Z");
    static final String MARK = "ServerInfo~a]@ex01.contoso.local:444/";

    private LogReadBenchmark() {}

    public static void main(String[] args) throws IOException {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]) << 20);
            case "read" -> read(Path.of(args[1]), Integer.parseInt(args[2]));
            case "stream" -> stream((long) (Double.parseDouble(args[1]) * (1L << 30)));
            default -> {
                System.err.println("usage: LogReadBenchmark generate DIR MB | read FILE PASSES | stream GB");
                System.exit(2);
            }
        }
    }

    static LogGenerator httpProxy(long bytes) {
        return LogGenerator.httpProxy("Ecp").start(START).size(bytes)
                .plant(PlantedEvent.ProxyLogonSsrf.probe(START.plusSeconds(3600), "130.255.189.21", "ex01.contoso.local"));
    }

    static LogGenerator iis(long bytes) {
        return LogGenerator.iis().start(START).size(bytes)
                .plant(new PlantedEvent.ProxyShell(START.plusSeconds(3600), "198.51.100.66", "evil.corp", "powershell/"));
    }

    static void generate(Path dir, long bytes) throws IOException {
        Files.createDirectories(dir);
        LogGenerator proxy = httpProxy(bytes);
        LogGenerator web = iis(bytes);
        proxy.writeTo(dir.resolve(proxy.serverPath()));
        web.writeTo(dir.resolve(web.serverPath()));
        System.out.println(dir.resolve(proxy.serverPath()));
        System.out.println(dir.resolve(web.serverPath()));
    }

    static void read(Path file, int passes) throws IOException {
        long size = Files.size(file);
        for (boolean everyField : new boolean[] {false, true}) {
            Count c = null;
            for (int i = 0; i < 2; i++) c = readOnce(file, everyField);   // warm-up
            long best = Long.MAX_VALUE;
            long total = 0;
            long cpu = 0;
            for (int i = 0; i < passes; i++) {
                long c0 = processCpu();
                long t0 = System.nanoTime();
                c = readOnce(file, everyField);
                long t = System.nanoTime() - t0;
                cpu += processCpu() - c0;
                best = Math.min(best, t);
                total += t;
            }
            check(c);
            System.out.printf(Locale.ROOT, "%s  %-12s %,d MB  %,d records  wall: mean %.0f MB/s, best %.0f MB/s"
                            + "  cpu (all JVM threads, GC included): %.0f MB per cpu-second%n",
                    file.getFileName(), everyField ? "every field" : "records", size >> 20, c.records,
                    mbps(size * passes, total), mbps(size, best), mbps(size * passes, cpu));
        }
    }

    static void stream(long bytes) throws IOException {
        long half = bytes / 2;
        long t0 = System.nanoTime();
        long c0 = processCpu();
        Count proxy = readOnce(httpProxy(half), true);
        Count web = readOnce(iis(half), true);
        long t = System.nanoTime() - t0;
        long cpu = processCpu() - c0;
        check(proxy);
        check(web);
        System.out.printf(Locale.ROOT, "streamed %.1f GB (HttpProxy + IIS, generated and read, every field), %,d records,"
                        + " %.0f s wall, %.0f s cpu, %.0f MB/s, max heap %d MB, peak heap used %d MB%n", bytes / (double) (1L << 30),
                proxy.records + web.records, t / 1e9, cpu / 1e9, mbps(bytes, t), Runtime.getRuntime().maxMemory() >> 20,
                peakHeap() >> 20);
    }

    static Count readOnce(Path file, boolean everyField) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return count(file.toString(), in, everyField);
        }
    }

    static Count readOnce(LogGenerator g, boolean everyField) throws IOException {
        try (InputStream in = g.open()) {
            return count(g.serverPath(), in, everyField);
        }
    }

    static Count count(String name, InputStream in, boolean everyField) throws IOException {
        Count c = new Count();
        try (RecordStream s = LogFiles.open(name, in, d -> c.problems++).orElseThrow()) {
            while (s.hasNext()) {
                Record r = s.next();
                c.records++;
                if (r.time() != null) c.checksum += r.time().getEpochSecond();
                if (everyField) {
                    for (String f : r.fieldNames()) c.checksum += r.field(f).length();
                }
                String anchor = r.field("AnchorMailbox");
                String query = r.field("cs-uri-query");
                if ((anchor != null && anchor.startsWith(MARK)) || (query != null && query.contains("@evil.corp/powershell/"))) {
                    c.planted++;
                }
            }
        }
        return c;
    }

    static void check(Count c) {
        if (c.planted != 1 || c.problems != 0) {
            throw new IllegalStateException("wrong answer: " + c.planted + " planted lines found (1 expected), "
                    + c.problems + " problems");
        }
    }

    static double mbps(long bytes, long nanos) {
        return bytes / (double) (1 << 20) / (nanos / 1e9);
    }

    /** CPU time of the whole JVM (reader thread, GC and compiler threads), in nanoseconds. */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    static final class Count {
        long records;
        long planted;
        long problems;
        long checksum;
    }
}
