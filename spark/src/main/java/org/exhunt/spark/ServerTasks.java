package org.exhunt.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.ServerResult;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.UnsupportedEvidenceException;
import org.exhunt.hunt.Hunt;
import org.exhunt.hunt.LogFile;
import org.exhunt.hunt.LogsRead;
import org.exhunt.hunt.ScanProgress;

/**
 * The work of the executors, one server (or one part of a big server's logs) per call, with the rules of the run
 * compiled once per JVM ({@link Hunts}). A server whose evidence cannot be opened, or whose scan meets a bug, comes
 * back as a failed outcome: the run goes on.
 */
final class ServerTasks implements Serializable {

    private final Broadcast<ScanSetup> setup;
    private final HadoopConf hadoop;
    private final boolean viaHadoop;
    private final long splitBytes;
    private final Counters counters;

    ServerTasks(Broadcast<ScanSetup> setup, HadoopConf hadoop, boolean viaHadoop, long splitBytes, Counters counters) {
        this.setup = setup;
        this.hadoop = hadoop;
        this.viaHadoop = viaHadoop;
        this.splitBytes = splitBytes;
        this.counters = counters;
    }

    /** What the driver's progress reads: servers done and failed, bytes of evidence read. */
    record Counters(LongAccumulator done, LongAccumulator failed, LongAccumulator bytes) implements Serializable {

        ServerOutcome count(ServerOutcome o) {
            (o.failed() ? failed : done).add(1);
            return o;
        }
    }

    /** A server scanned whole, or, when its logs are larger than the split size, the parts to read them in. */
    record Planned(ServerSpec spec, ServerOutcome done, List<List<String>> parts) implements Serializable {}

    /** Part {@code index} of a big server's logs, read: what it kept, or why it could not be read. */
    record Part(ServerSpec spec, int index, LogsRead read, String failure) implements Serializable {}

    Planned plan(ServerSpec spec) {
        return guarded(spec, () -> {
            try (Opened o = open(spec)) {
                List<LogFile> logs = o.hunt.logFiles(spec.server(), o.sources);
                long logBytes = logs.stream().mapToLong(LogFile::size).sum();
                if (logBytes <= splitBytes || logs.size() < 2) {
                    return new Planned(spec, counters.count(ServerOutcome.scanned(spec, o.withOptionProblems(
                            o.hunt.scan(spec.server(), o.sources)))), List.of());
                }
                return new Planned(spec, null, parts(logs, splitBytes));
            }
        }, outcome -> new Planned(spec, counters.count(outcome), List.of()));
    }

    Part read(ServerSpec spec, int index, List<String> files) {
        try (Opened o = open(spec)) {
            return new Part(spec, index, o.hunt.readLogs(spec.server(), o.sources, files), null);
        } catch (Exception | StackOverflowError e) {
            return new Part(spec, index, null, describe(e));
        }
    }

    /** The server's scan with its parts added, or scanned whole when they cannot be added exactly. */
    ServerOutcome merge(ServerSpec spec, List<Part> parts) {
        return counters.count(guarded(spec, () -> {
            List<Part> ordered = new ArrayList<>(parts);
            ordered.sort(Comparator.comparingInt(Part::index));
            for (Part p : ordered) {
                if (p.failure() != null) return ServerOutcome.failed(spec, "scan.failed", "part " + p.index()
                        + " of its logs could not be read: " + p.failure());
            }
            try (Opened o = open(spec)) {
                Optional<ServerResult> added = o.hunt.scan(spec.server(), o.sources,
                        ordered.stream().map(Part::read).toList());
                ServerResult r = added.orElseGet(() -> o.hunt.scan(spec.server(), o.sources));
                return new ServerOutcome(spec, o.withOptionProblems(r), false, ordered.size(), added.isEmpty());
            }
        }, outcome -> outcome));
    }

    /**
     * Consecutive runs of the log files (largest first, as a scan starts them) of at most {@code splitBytes} each, a
     * file larger than that alone; added in this order, the parts meet the correlations in a one-thread scan's order.
     */
    static List<List<String>> parts(List<LogFile> logs, long splitBytes) {
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long bytes = 0;
        for (LogFile f : logs) {
            if (!current.isEmpty() && bytes + f.size() > splitBytes) {
                parts.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(f.file());
            bytes += f.size();
        }
        if (!current.isEmpty()) parts.add(current);
        return parts;
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private interface Failed<T> {
        T of(ServerOutcome outcome);
    }

    private static <T> T guarded(ServerSpec spec, Work<T> work, Failed<T> failed) {
        try {
            return work.run();
        } catch (UnsupportedEvidenceException e) {
            return failed.of(ServerOutcome.failed(spec, "source.unsupported", e.getMessage()));
        } catch (Exception | StackOverflowError e) {
            return failed.of(ServerOutcome.failed(spec, "scan.failed", "the scan failed (a bug: please report it with"
                    + " this message): " + describe(e)));
        }
    }

    private static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        return text.length() > 4000 ? text.substring(0, 4000) + "…" : text;
    }

    private Opened open(ServerSpec spec) throws IOException, UnsupportedEvidenceException {
        Hunts.Prepared prepared = Hunts.of(setup.value());
        List<EvidenceSource> sources = EvidencePaths.open(spec.paths(), hadoop.get(), viaHadoop);
        return new Opened(prepared.hunt().withProgress(new BytesRead(counters.bytes())), prepared.optionProblems(), sources);
    }

    /** A server's sources, open while one task works on them, and the run's hunt. */
    private record Opened(Hunt hunt, List<Diagnostic> optionProblems, List<EvidenceSource> sources)
            implements AutoCloseable {

        /** Problems with the user's own inputs (a bad allowlist line) come first in every server's report. */
        ServerResult withOptionProblems(ServerResult r) {
            if (optionProblems.isEmpty()) return r;
            List<Diagnostic> all = new ArrayList<>(optionProblems);
            all.addAll(r.diagnostics());
            return r.withDiagnostics(all);
        }

        @Override
        public void close() throws IOException {
            EvidencePaths.close(sources);
        }
    }

    /** Counts the bytes of evidence read into the run's accumulator, which the driver's progress reads. */
    private record BytesRead(LongAccumulator bytes) implements ScanProgress {
        @Override public void started(String server, int files, long total) {}
        @Override public void advanced(long n) { bytes.add(n); }
        @Override public void finished(String server) {}
    }
}
