package org.exhunt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.MapRecord;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.Placeholders;
import org.exhunt.sigma.SigmaLoader;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.SigmaScanner;
import org.exhunt.sigma.correlation.Correlator;
import org.exhunt.sigma.mapping.Mappings;

/**
 * Correlation state under load: a stream of generated records (default 10 million over 24 hours) from 100,000
 * users, every record matching a rule that an event_count correlation (10 events of one user in 10 minutes) and
 * a temporal_ordered one (failure then success of one user in 5 minutes) group by user. Reports throughput, the
 * window entries and the heap in use after a collection, sampled every million records. Not a test: run by
 * {@code bench/sigma-correlation.sh}, ideally with a small heap (-Xmx) to show the bound holds.
 */
public final class CorrelationBenchmark {

    private CorrelationBenchmark() {}

    private static final String RULES = """
            title: failed logon
            id: bench-fail
            name: failed
            logsource: {product: bench}
            detection: {sel: {kind: fail}, condition: sel}
            ---
            title: successful logon
            id: bench-ok
            name: success
            logsource: {product: bench}
            detection: {sel: {kind: ok}, condition: sel}
            ---
            title: ten failures in ten minutes
            id: bench-count
            level: high
            correlation: {type: event_count, rules: [failed], group-by: [user], timespan: 10m, condition: {gte: 10}}
            ---
            title: failure then success
            id: bench-ordered
            level: high
            correlation: {type: temporal_ordered, rules: [failed, success], group-by: [user], timespan: 5m}
            """;

    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<Diagnostic> problems = new ArrayList<>();
        Mappings mappings = Mappings.parse(Map.of("bench.yml", "sources:\n  - logsource: {product: bench}\n    records:\n      - types: [bench]\n"), problems::add);
        SigmaLoader loader = new SigmaLoader(mappings, Placeholders.none());
        loader.load("bench.yml", RULES);
        SigmaRules rules = loader.build();
        if (!rules.problems().isEmpty() || rules.correlations().size() != 2) throw new IllegalStateException(rules.problems().toString());

        long[] fired = {0};
        Correlator correlator = rules.correlator(f -> fired[0]++);
        SigmaScanner scanner = rules.scanner();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Random random = new Random(7);
        Instant t0 = Instant.parse("2021-03-02T00:00:00Z");
        long spanMillis = 24L * 3600 * 1000;
        long maxEntries = 0;
        long maxGroups = 0;
        long maxHeap = 0;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            int user = random.nextInt(users);
            Instant t = t0.plusMillis(i * spanMillis / count);
            MapRecord r = new MapRecord("bench", Map.of("kind", random.nextInt(20) == 0 ? "ok" : "fail", "user", "user" + user,
                    "ip", "10.0." + (user % 256) + "." + (user / 256 % 256)), "logon user" + user, t, SourceRef.line("bench.log", i + 1));
            scanner.scan(r, correlator::accept);
            maxEntries = Math.max(maxEntries, correlator.entries());
            maxGroups = Math.max(maxGroups, correlator.openGroups());
            if ((i + 1) % 1_000_000 == 0) {
                System.gc();
                long used = memory.getHeapMemoryUsage().getUsed();
                maxHeap = Math.max(maxHeap, used);
                System.out.printf("%,d records: %,d window entries in %,d open groups, heap in use after GC %,d MB, %,d findings%n",
                        i + 1, correlator.entries(), correlator.openGroups(), used >> 20, fired[0]);
            }
        }
        correlator.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,d records from %,d users in %.1f s (%,.0f records/s); %,d correlation findings;"
                        + " at most %,d window entries and %,d open groups; heap in use after GC at most %,d MB (max heap %,d MB); %,d groups closed early%n",
                count, users, seconds, count / seconds, fired[0], maxEntries, maxGroups, maxHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20, correlator.evicted());
    }
}
