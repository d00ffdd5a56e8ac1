package org.exhunt.logs.evtx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exhunt.core.Record;
import org.exhunt.logs.RecordStream;

/**
 * The EVTX read benchmark (not a test; run by scripts/bench-evtx.sh): reads a file several times on one
 * thread, touching every field of every record as a rule engine would, and prints events per second per
 * round and the heap's peak. The first rounds include JIT warm-up; the best round is the steady state.
 * {@code EvtxThroughput FILE ROUNDS}.
 */
public final class EvtxThroughput {

    private EvtxThroughput() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        double best = 0;
        long events = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long values = 0;
            int[] problems = {0};
            events = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                 RecordStream records = EvtxReader.standard().open(file.toString(), in, d -> problems[0]++)) {
                while (records.hasNext()) {
                    Record r = records.next();
                    events++;
                    for (String name : r.fieldNames()) values += r.values(name).size();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, events / seconds);
            System.out.printf("round %d: %,d events, %,d values in %.2f s = %,.0f events/s (%d diagnostics)%n",
                    round, events, values, seconds, events / seconds, problems[0]);
        }
        System.out.printf("best: %,.0f events/s; file %,d bytes; peak heap %,d MiB (max %,d MiB)%n", best, Files.size(file),
                peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
