package org.exhunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import org.exhunt.core.Record;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.evtx.EvtxReader;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;

/**
 * How fast the EVTX reader turns an event log into records, on one thread. Run by {@code bench/evtx.sh}:
 * <ul>
 *   <li>{@code generate FILE EVENTS}: writes EVENTS events of the testkit's attack mix ({@link EventSamples#mix}:
 *       Sysmon, Security, Application and MSExchange Management events, both EventData layouts);</li>
 *   <li>{@code read FILE ROUNDS}: reads FILE ROUNDS times, fetching every value of every record through the
 *       Record API as a rule engine would, and prints per round the events per wall-clock second and per
 *       CPU-second of the whole JVM (reader, GC and JIT threads: the figure that stays meaningful on a busy
 *       machine), then the peak heap.</li>
 * </ul>
 * Each round checks its own answer: every event is read, without a diagnostic, and the LSASS dumps planted
 * in the mix (one event in eight) are all found, so a fast wrong reader fails.
 */
public final class EvtxReadBenchmark {

    private static final Instant START = Instant.parse("2021-03-01T00:00:00Z");

    private EvtxReadBenchmark() {}

    public static void main(String[] args) throws IOException {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]));
            case "read" -> read(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> {
                System.err.println("usage: EvtxReadBenchmark generate FILE EVENTS | read FILE ROUNDS");
                System.exit(2);
            }
        }
    }

    static void generate(Path file, long events) throws IOException {
        Iterator<EvtxEvent> mix = EventSamples.mix(START);
        try (EvtxWriter writer = EvtxWriter.create(file)) {
            for (long i = 0; i < events; i++) writer.write(mix.next());
        }
        System.out.printf("%s: %,d events, %,d bytes%n", file, events, Files.size(file));
    }

    static void read(Path file, int rounds) throws IOException {
        double best = 0;
        double bestCpu = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = LogReadBenchmark.processCpu();
            long events = 0;
            long values = 0;
            long dumps = 0;
            int[] problems = {0};
            try (InputStream in = Files.newInputStream(file);
                 RecordStream records = EvtxReader.standard().open(file.toString(), in, d -> problems[0]++)) {
                while (records.hasNext()) {
                    Record r = records.next();
                    events++;
                    for (String name : r.fieldNames()) values += r.values(name).size();
                    String commandLine = r.field("CommandLine");
                    if (commandLine != null && commandLine.contains("comsvcs.dll, MiniDump")) dumps++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (LogReadBenchmark.processCpu() - cpuStart) / 1e9;
            if (problems[0] > 0 || dumps != (events + 3) / 8) {
                throw new IllegalStateException("wrong answer: " + problems[0] + " diagnostics, " + dumps
                        + " LSASS dumps in " + events + " events");
            }
            best = Math.max(best, events / seconds);
            bestCpu = Math.max(bestCpu, events / cpuSeconds);
            System.out.printf("round %d: %,d events, %,d values in %.2f s = %,.0f events/s; %.2f CPU-s = %,.0f events per CPU-second%n",
                    round, events, values, seconds, events / seconds, cpuSeconds, events / cpuSeconds);
        }
        System.out.printf("best %,.0f events/s, %,.0f events per CPU-second; peak heap %,d MiB of %,d MiB%n", best, bestCpu,
                LogReadBenchmark.peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

}
